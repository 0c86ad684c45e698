import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import { listMembers } from '../../../services/credits/list-members';
import { commonErrors } from '../../../contracts/common';
import { memberSearchQuery, memberSearchResult } from '../../../contracts/credits';

export default async function memberRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/members',
    {
      config: { access: access.to('members.read') },
      schema: {
        tags: ['memberships'],
        summary: 'Clients with their current plan and credits this week (coaches and admins)',
        querystring: memberSearchQuery,
        response: { 200: memberSearchResult, ...commonErrors },
      },
    },
    async (request) => listMembers(app.deps.db, request.query, app.deps.now()),
  );
}
