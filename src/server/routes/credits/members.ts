import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../../domain/access/policy';
import { listMembers } from '../../../services/credits/list-members';
import { commonErrors } from '../../../contracts/common';
import { memberRow } from '../../../contracts/credits';

export default async function memberRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/members',
    {
      config: { access: access.to('members.read') },
      schema: {
        tags: ['memberships'],
        summary: 'Clients with their current plan and credits this week (coaches and admins)',
        querystring: z.object({
          query: z.string().max(200).optional().describe('Part of a name or email'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ members: z.array(memberRow), total: z.number() }), ...commonErrors },
      },
    },
    async (request) => listMembers(app.deps.db, request.query, app.deps.now()),
  );
}
