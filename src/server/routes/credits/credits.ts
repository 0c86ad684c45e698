import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import { adjustCredits } from '../../../services/credits/adjust-credits';
import { availableCredits, creditLedger } from '../../../services/credits/credit-views';
import { getUserSummary } from '../../../services/users/admin-users';
import { commonErrors, idParam } from '../../../contracts/common';
import { actorOf } from '../../plugins/access';
import { adjustBody, adjustResult, creditsView, ledgerPage, ledgerQuery } from '../../../contracts/credits';

export default async function creditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/me/credits',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['credits'],
        summary: 'My credits from now on, soonest to expire first',
        response: { 200: creditsView, ...commonErrors },
      },
    },
    async (request) => availableCredits(app.deps.db, actorOf(request).id, app.deps.now()),
  );

  r.get(
    '/api/me/credit-transactions',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['credits'],
        summary: 'My credit ledger, newest first, paged by cursor',
        querystring: ledgerQuery,
        response: { 200: ledgerPage, ...commonErrors },
      },
    },
    async (request) => creditLedger(app.deps.db, actorOf(request).id, request.query),
  );

  r.get(
    '/api/admin/users/:id/credits',
    {
      config: { access: access.to('memberships.manage') },
      schema: {
        tags: ['credits'],
        summary: "A user's credits from now on",
        params: idParam,
        response: { 200: creditsView, ...commonErrors },
      },
    },
    async (request) => {
      await getUserSummary(app.deps.db, request.params.id); // 404 USER_NOT_FOUND for a wrong id
      return availableCredits(app.deps.db, request.params.id, app.deps.now());
    },
  );

  r.get(
    '/api/admin/users/:id/credit-transactions',
    {
      config: { access: access.to('memberships.manage') },
      schema: {
        tags: ['credits'],
        summary: "A user's credit ledger, newest first",
        params: idParam,
        querystring: ledgerQuery,
        response: { 200: ledgerPage, ...commonErrors },
      },
    },
    async (request) => {
      await getUserSummary(app.deps.db, request.params.id);
      return creditLedger(app.deps.db, request.params.id, request.query);
    },
  );

  r.post(
    '/api/admin/users/:id/credits',
    {
      config: { access: access.to('credits.adjust') },
      schema: {
        tags: ['credits'],
        summary:
          'Add credits (a grant valid from now, no end unless given) or remove some (negative amount); never below zero',
        params: idParam,
        body: adjustBody,
        response: {
          201: adjustResult,
          ...commonErrors,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await adjustCredits(app.deps.db, actorOf(request), request.params.id, request.body, app.deps.now())),
  );
}
