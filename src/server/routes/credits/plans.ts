import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import { isFeatureEnabled } from '../../../domain/settings/setting-definitions';
import { createPlan, listPlans, updatePlan, type PlanView } from '../../../services/credits/plans';
import { loadSettings } from '../../../services/settings/settings-service';
import { commonErrors, uuidParam } from '../../../contracts/common';
import { actorOf } from '../../plugins/access';
import { planBody, planList, planPatch, planView } from '../../../contracts/credits';

export default async function planRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // A switched-off feature leaves no trace: plans name the 1-on-1 services they pay for only while it is on.
  const shown = async (plans: PlanView[]) => {
    if (isFeatureEnabled(await loadSettings(app.deps.db), 'appointments')) return plans;
    return plans.map(({ appointmentServices: _hidden, ...plan }) => plan);
  };

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
    async (request) => ({ plans: await shown(await listPlans(app.deps.db, actorOf(request))) }),
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
      reply
        .code(201)
        .send((await shown([await createPlan(app.deps.db, actorOf(request), request.body, app.deps.now())]))[0]!),
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
    async (request) =>
      (
        await shown([await updatePlan(app.deps.db, actorOf(request), request.params.id, request.body, app.deps.now())])
      )[0]!,
  );
}
