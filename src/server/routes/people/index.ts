import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { commonErrors, idParam, uuidParam } from '../../../contracts/common';
import {
  acceptWaiverBody,
  clientProfileBody,
  clientProfileView,
  myProfileBody,
  myProfileView,
  publishWaiverBody,
  rosterFacts,
  waiverView,
} from '../../../contracts/people';
import { access } from '../../../domain/access/policy';
import { loadClientProfile, saveClientProfile } from '../../../services/users/client-profile';
import { loadOwnProfile, saveOwnProfile } from '../../../services/users/own-profile';
import { loadRosterFacts } from '../../../services/users/roster-facts';
import { acceptWaiver, loadWaiver, publishWaiver } from '../../../services/users/waiver';
import { actorOf } from '../../plugins/access';

export default async function peopleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];

  r.get(
    '/api/clients/:id/profile',
    {
      config: { access: access.to('clients.profile') },
      schema: {
        tags,
        summary: "A client's profile for staff: contact, emergency contact, date of birth, health notes, waiver",
        params: idParam,
        response: { 200: clientProfileView, ...commonErrors },
      },
    },
    async (request) => loadClientProfile(app.deps.db, request.params.id),
  );

  r.put(
    '/api/clients/:id/profile',
    {
      config: { access: access.to('clients.profile') },
      schema: {
        tags,
        summary: "Staff save a client's emergency contact, date of birth and health notes (audited by field name)",
        params: idParam,
        body: clientProfileBody,
        response: { 200: clientProfileView, ...commonErrors },
      },
    },
    async (request) =>
      saveClientProfile(app.deps.db, actorOf(request), request.params.id, request.body, app.deps.now()),
  );

  r.get(
    '/api/me/profile',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'My own phone, emergency contact, date of birth and health notes',
        response: { 200: myProfileView, ...commonErrors },
      },
    },
    async (request) => loadOwnProfile(app.deps.db, actorOf(request).id),
  );

  r.put(
    '/api/me/profile',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Save my own phone, emergency contact, date of birth and health notes (audited by field name)',
        body: myProfileBody,
        response: { 200: myProfileView, ...commonErrors },
      },
    },
    async (request) => saveOwnProfile(app.deps.db, actorOf(request), request.body, app.deps.now()),
  );

  r.get(
    '/api/me/waiver',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: "The studio's current waiver (version 0: none) and whether I accepted it",
        response: { 200: waiverView, ...commonErrors },
      },
    },
    async (request) => loadWaiver(app.deps.db, actorOf(request).id),
  );

  r.post(
    '/api/me/waiver/accept',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Accept the waiver version I read (409 WAIVER_CHANGED when a newer one was published)',
        body: acceptWaiverBody,
        response: { 200: waiverView, ...commonErrors },
      },
    },
    async (request) => acceptWaiver(app.deps.db, actorOf(request), request.body.version, app.deps.now()),
  );

  r.put(
    '/api/admin/waiver',
    {
      config: { access: access.to('waiver.publish') },
      schema: {
        tags,
        summary: 'Publish a new waiver version (clients accept it before their next booking); empty text stops asking',
        body: publishWaiverBody,
        response: { 200: waiverView, ...commonErrors },
      },
    },
    async (request) => publishWaiver(app.deps.db, actorOf(request), request.body.text, app.deps.now()),
  );

  r.get(
    '/api/sessions/:id/roster-facts',
    {
      config: { access: access.to('clients.profile'), feature: 'sessions' },
      schema: {
        tags,
        summary: 'Beside each name on a class roster: first visit, health note present, credits left, phone',
        params: uuidParam,
        response: { 200: rosterFacts, ...commonErrors },
      },
    },
    async (request) => loadRosterFacts(app.deps.db, request.params.id),
  );
}
