import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import { commonErrors } from '../../../contracts/common';
import { paymentRoutes as contract } from '../../../contracts/payment-routes';
import { myBilling, openBillingPortal } from '../../../services/payments/billing';
import { myPayment, myPayments } from '../../../services/payments/payment-views';
import { startCheckout } from '../../../services/payments/start-checkout';
import { actorOf } from '../../plugins/access';

export default async function myPaymentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const checkout = contract['POST /api/payments/checkout'];
  r.post(
    '/api/payments/checkout',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['payments'],
        summary: 'Start paying for a plan online; the plan starts when the provider confirms the payment',
        body: checkout.body,
        response: { 200: checkout.response, ...commonErrors },
      },
    },
    async (request) =>
      startCheckout(
        app.deps.db,
        app.deps.payments,
        actorOf(request),
        request.body.planId,
        app.deps.config.baseUrl,
        app.deps.now(),
      ),
  );

  r.get(
    '/api/me/payments',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['payments'],
        summary: 'My payments and receipts, newest first',
        response: { 200: contract['GET /api/me/payments'].response, ...commonErrors },
      },
    },
    async (request) => ({ payments: await myPayments(app.deps.db, actorOf(request).id) }),
  );

  const one = contract['GET /api/me/payments/:id'];
  r.get(
    '/api/me/payments/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['payments'],
        summary: 'One of my payments (a receipt; the page after checkout polls it until it is paid)',
        params: one.params,
        response: { 200: one.response, ...commonErrors },
      },
    },
    async (request) => myPayment(app.deps.db, actorOf(request).id, request.params.id),
  );

  r.get(
    '/api/me/billing',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['payments'],
        summary: 'My subscription: next payment, card or Direct Debit, whether billing can be managed online',
        response: { 200: contract['GET /api/me/billing'].response, ...commonErrors },
      },
    },
    async (request) => myBilling(app.deps.db, app.deps.payments, actorOf(request).id),
  );

  r.post(
    '/api/me/billing/portal',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['payments'],
        summary: "Open the provider's billing portal (change card, cancel the subscription)",
        response: { 200: contract['POST /api/me/billing/portal'].response, ...commonErrors },
      },
    },
    async (request) => openBillingPortal(app.deps.db, app.deps.payments, actorOf(request).id, app.deps.config.baseUrl),
  );
}
