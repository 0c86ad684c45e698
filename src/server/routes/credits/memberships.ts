import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import {
  assignMembership,
  changeMembershipStatus,
  listUserMemberships,
  myMemberships,
} from '../../../services/credits/memberships';
import { schedulePause } from '../../../services/credits/membership-pauses';
import { commonErrors, idParam, uuidParam } from '../../../contracts/common';
import { actorOf } from '../../plugins/access';
import { assignBody, membershipList, membershipView, pauseBody, statusBody } from '../../../contracts/credits';

export default async function membershipRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/admin/users/:id/memberships',
    {
      config: { access: access.to('memberships.manage') },
      schema: {
        tags: ['memberships'],
        summary: 'Give a user a plan; its first credits are created at once',
        params: idParam,
        body: assignBody,
        response: { 201: membershipView, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await assignMembership(app.deps.db, actorOf(request), request.params.id, request.body, app.deps.now())),
  );

  r.get(
    '/api/admin/users/:id/memberships',
    {
      config: { access: access.to('memberships.manage') },
      schema: {
        tags: ['memberships'],
        summary: "A user's membership history, newest first",
        params: idParam,
        response: { 200: membershipList, ...commonErrors },
      },
    },
    async (request) => ({ memberships: await listUserMemberships(app.deps.db, request.params.id) }),
  );

  r.patch(
    '/api/admin/memberships/:id',
    {
      config: { access: access.to('memberships.manage') },
      schema: {
        tags: ['memberships'],
        summary: 'Pause, resume or cancel a membership',
        params: uuidParam,
        body: statusBody,
        response: { 200: membershipView, ...commonErrors },
      },
    },
    async (request) =>
      changeMembershipStatus(app.deps.db, actorOf(request), request.params.id, request.body.status, app.deps.now()),
  );

  r.put(
    '/api/admin/memberships/:id/pause',
    {
      config: { access: access.to('memberships.manage') },
      schema: {
        tags: ['memberships'],
        summary: 'Book a pause for dates (from, until = last paused day, reason); it starts and ends by itself',
        description:
          'A pause from today starts at once. Credits are on hold while paused; a week wholly inside the pause gets no weekly credits (the unused credits of one already granted are removed, ledger reason PAUSED, and given back, PAUSE_ENDED, when new dates or an early resume no longer hold that whole week); a prepaid term is extended by the days paused. Audited.',
        params: uuidParam,
        body: pauseBody,
        response: { 200: membershipView, ...commonErrors },
      },
    },
    async (request) => schedulePause(app.deps.db, actorOf(request), request.params.id, request.body, app.deps.now()),
  );

  r.get(
    '/api/me/membership',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['memberships'],
        summary: 'My current memberships (active or paused)',
        response: { 200: membershipList, ...commonErrors },
      },
    },
    async (request) => ({ memberships: await myMemberships(app.deps.db, actorOf(request).id) }),
  );
}
