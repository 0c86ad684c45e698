import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import { changeUser, getUserSummary, searchUsers } from '../../../services/users/admin-users';
import { actorOf } from '../../plugins/access';
import { commonErrors, idParam } from '../../../contracts/common';
import {
  emailSent,
  inviteUserBody,
  personDetailsBody,
  userChangeBody,
  userSearchQuery,
  userSearchResult,
  userSummary,
} from '../../../contracts/admin';
import { invitePerson, resendInvite, sendPasswordReset } from '../../../services/users/invite-person';
import { updatePersonDetails } from '../../../services/users/person-details';

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

  r.post(
    '/api/admin/users',
    {
      config: { access: access.to('users.manage') },
      schema: {
        tags: ['admin'],
        summary: 'Add a client, coach or admin and email them an invite to choose a password (audited)',
        body: inviteUserBody,
        response: { 201: userSummary, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await invitePerson(app.deps.db, actorOf(request), request.body, app.deps.now())),
  );

  r.put(
    '/api/admin/users/:id/details',
    {
      config: { access: access.to('users.manage') },
      schema: {
        tags: ['admin'],
        summary: "Change a person's name, email and phone (audited)",
        params: idParam,
        body: personDetailsBody,
        response: { 200: userSummary, ...commonErrors },
      },
    },
    async (request) =>
      updatePersonDetails(app.deps.db, actorOf(request), request.params.id, request.body, app.deps.now()),
  );

  r.post(
    '/api/admin/users/:id/invite',
    {
      config: { access: access.to('users.manage') },
      schema: {
        tags: ['admin'],
        summary: 'Email the invite again, with a new link (for someone who has not signed in yet)',
        params: idParam,
        response: { 200: emailSent, ...commonErrors },
      },
    },
    async (request) => resendInvite(app.deps.db, actorOf(request), request.params.id, app.deps.now()),
  );

  r.post(
    '/api/admin/users/:id/password-reset',
    {
      config: { access: access.to('users.manage') },
      schema: {
        tags: ['admin'],
        summary: 'Email the person a link to choose a new password (audited)',
        params: idParam,
        response: { 200: emailSent, ...commonErrors },
      },
    },
    async (request) => sendPasswordReset(app.deps.db, actorOf(request), request.params.id, app.deps.now()),
  );
}
