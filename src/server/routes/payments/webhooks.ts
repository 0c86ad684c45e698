import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import { commonErrors } from '../../../contracts/common';
import { paymentRoutes } from '../../../contracts/payment-routes';
import { processWebhook } from '../../../services/payments/process-webhook';

/**
 * Stripe's webhook. The signature covers the exact bytes Stripe sent, so in this plugin (and
 * only here: Fastify scopes content-type parsers to their plugin) JSON arrives as a raw Buffer.
 * Public: the signature is the authentication. A bad one is 400 and writes nothing.
 */
export default async function webhookRoutes(app: FastifyInstance) {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const contract = paymentRoutes['POST /api/payments/webhooks/stripe'];
  r.post(
    '/api/payments/webhooks/stripe',
    {
      config: { access: access.public },
      schema: {
        tags: ['payments'],
        summary: "Stripe's signed events (checkout, invoices, subscriptions); each event id is processed once",
        response: { 200: contract.response, ...commonErrors },
      },
    },
    async (request) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const result = await processWebhook(app.deps.db, app.deps.payments, body, request.headers, app.deps.now());
      return { received: true, duplicate: result.duplicate };
    },
  );
}
