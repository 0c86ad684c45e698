import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import { createPlan, listPlans, updatePlan } from '../../../services/credits/plans';
import { commonErrors, uuidParam } from '../../../contracts/common';
import { actorOf } from '../../plugins/access';
import { planBody, planList, planPatch, planView } from '../../../contracts/credits';

export default async function planRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/plans',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['memberships'],
        summary:
          'Membership plans: active, client-purchasable ones for clients; active ones for coaches; all for admins',
        response: { 200: planList, ...commonErrors },
      },
    },
    async (request) => ({ plans: await listPlans(app.deps.db, actorOf(request)) }),
  );

  r.post(
    '/api/admin/plans',
    {
      config: { access: access.to('plans.manage') },
      schema: {
        tags: ['memberships'],
        summary: 'Create a plan (fields required by type)',
        body: planBody,
        response: { 201: planView, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createPlan(app.deps.db, actorOf(request), request.body, app.deps.now())),
  );

  r.patch(
    '/api/admin/plans/:id',
    {
      config: { access: access.to('plans.manage') },
      schema: {
        tags: ['memberships'],
        summary: 'Edit or deactivate a plan (its type cannot change; changes apply to future credits)',
        params: uuidParam,
        body: planPatch,
        response: { 200: planView, ...commonErrors },
      },
    },
    async (request) => updatePlan(app.deps.db, actorOf(request), request.params.id, request.body, app.deps.now()),
  );
}
