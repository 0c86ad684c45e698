import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import { commonErrors } from '../../../contracts/common';
import { paymentRoutes as contract } from '../../../contracts/payment-routes';
import { listPayments } from '../../../services/payments/payment-views';
import { recordManualPayment } from '../../../services/payments/record-manual-payment';
import { refundPayment } from '../../../services/payments/refund-payment';
import { actorOf } from '../../plugins/access';

export default async function adminPaymentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const list = contract['GET /api/admin/payments'];
  r.get(
    '/api/admin/payments',
    {
      config: { access: access.to('payments.manage') },
      schema: {
        tags: ['payments'],
        summary: 'Payments, newest first; filter=attention for failed renewals and plans that could not start',
        querystring: list.query,
        response: { 200: list.response, ...commonErrors },
      },
    },
    async (request) => ({ payments: await listPayments(app.deps.db, request.query.filter) }),
  );

  const manual = contract['POST /api/admin/payments/manual'];
  r.post(
    '/api/admin/payments/manual',
    {
      config: { access: access.to('payments.manage') },
      schema: {
        tags: ['payments'],
        summary: 'Record a cash or bank-transfer payment; the plan it pays for starts at once',
        body: manual.body,
        response: { 201: manual.response, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordManualPayment(app.deps.db, actorOf(request), request.body, app.deps.now())),
  );

  const refund = contract['POST /api/admin/payments/:id/refunds'];
  r.post(
    '/api/admin/payments/:id/refunds',
    {
      config: { access: access.to('payments.manage') },
      schema: {
        tags: ['payments'],
        summary: 'Refund a payment in full (cancels its plan) or in part (shortens it); unused credits go',
        params: refund.params,
        body: refund.body,
        response: { 200: refund.response, ...commonErrors },
      },
    },
    async (request) =>
      refundPayment(app.deps.db, app.deps.payments, actorOf(request), request.params.id, request.body, app.deps.now()),
  );
}
