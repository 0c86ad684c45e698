import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import { listUserCohortMemberships } from '../../../services/cohorts/user-cohort-memberships';
import { commonErrors } from '../../../contracts/common';
import { userCohortMemberships, userCohortParams } from '../../../contracts/cohorts';

/** The admin's user page: the cohorts one person has been in. */
export default async function adminUserCohortRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/admin/users/:id/cohorts',
    {
      config: { access: access.to('cohorts.manageAll'), feature: 'cohorts' },
      schema: {
        tags: ['cohorts'],
        summary: "A person's cohort memberships, newest first (withdrawn and finished ones too)",
        params: userCohortParams,
        response: { 200: userCohortMemberships, ...commonErrors },
      },
    },
    async (request) => listUserCohortMemberships(app.deps.db, request.params.id),
  );
}
