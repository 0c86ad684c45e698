import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import { changeUser, getUserSummary, searchUsers } from '../../../services/users/admin-users';
import { actorOf } from '../../plugins/access';
import { commonErrors, idParam } from '../../../contracts/common';
import { userChangeBody, userSearchQuery, userSearchResult, userSummary } from '../../../contracts/admin';

export default async function adminUserRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/admin/users',
    {
      config: { access: access.to('users.manage') },
      schema: {
        tags: ['admin'],
        summary: 'List and search users by name or email',
        querystring: userSearchQuery,
        response: { 200: userSearchResult, ...commonErrors },
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
        body: userChangeBody,
        response: { 200: userSummary, ...commonErrors },
      },
    },
    async (request) => changeUser(app.deps.db, actorOf(request), request.params.id, request.body),
  );
}
