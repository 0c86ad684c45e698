import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../../domain/access/policy';
import { ROLES } from '../../../domain/access/roles';
import { changeUser, getUserSummary, searchUsers } from '../../../services/users/admin-users';
import { actorOf } from '../../plugins/access';
import { commonErrors, idParam, timestamp } from '../../../contracts/common';

export const userSummary = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  createdAt: timestamp,
});

export default async function adminUserRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/admin/users',
    {
      config: { access: access.to('users.manage') },
      schema: {
        tags: ['admin'],
        summary: 'List and search users by name or email',
        querystring: z.object({
          query: z.string().max(200).optional(),
          role: z.enum(ROLES).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ users: z.array(userSummary), total: z.number() }), ...commonErrors },
      },
    },
    async (request) => searchUsers(app.deps.db, request.query),
  );

  r.get(
    '/api/admin/users/:id',
    {
      config: { access: access.to('users.manage') },
      schema: {
        tags: ['admin'],
        summary: 'One user',
        params: idParam,
        response: { 200: userSummary, ...commonErrors },
      },
    },
    async (request) => getUserSummary(app.deps.db, request.params.id),
  );

  r.patch(
    '/api/admin/users/:id',
    {
      config: { access: access.to('users.manage') },
      schema: {
        tags: ['admin'],
        summary: "Change a user's role, or deactivate/reactivate them (audited)",
        params: idParam,
        body: z
          .object({ role: z.enum(ROLES).optional(), active: z.boolean().optional() })
          .refine((b) => b.role !== undefined || b.active !== undefined, 'Give a role or active'),
        response: { 200: userSummary, ...commonErrors },
      },
    },
    async (request) => changeUser(app.deps.db, actorOf(request), request.params.id, request.body),
  );
}
