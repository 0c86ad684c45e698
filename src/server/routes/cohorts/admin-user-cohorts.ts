import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../../domain/access/policy';
import { COHORT_STATUSES, MEMBERSHIP_STATUSES } from '../../../domain/cohorts/cohort-status';
import { listUserCohortMemberships } from '../../../services/cohorts/user-cohort-memberships';
import { commonErrors, timestamp } from '../../../contracts/common';
import { localDate, userId } from '../../../contracts/cohorts';

const userCohortMemberships = z.object({
  memberships: z.array(
    z.object({
      cohort: z.object({
        id: z.string(),
        name: z.string(),
        status: z.enum(COHORT_STATUSES),
        startDate: localDate,
        endDate: localDate.nullable(),
        weeks: z.number().nullable(),
      }),
      status: z.enum(MEMBERSHIP_STATUSES),
      joinedAt: timestamp,
      leftAt: timestamp.nullable(),
    }),
  ),
});

/** The admin's user page: the cohorts one person has been in. */
export default async function adminUserCohortRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/admin/users/:id/cohorts',
    {
      config: { access: access.to('cohorts.manageAll'), feature: 'cohorts' },
      schema: {
        tags: ['cohorts'],
        summary: "A person's cohort memberships, newest first (withdrawn and finished ones too)",
        params: z.object({ id: userId }),
        response: { 200: userCohortMemberships, ...commonErrors },
      },
    },
    async (request) => listUserCohortMemberships(app.deps.db, request.params.id),
  );
}
