import type { FastifyInstance } from 'fastify';
import adminPaymentRoutes from './admin';
import myPaymentRoutes from './me';
import webhookRoutes from './webhooks';

/** Every route of the payments area (ADR 0019). */
export default async function paymentRoutes(app: FastifyInstance) {
  await myPaymentRoutes(app);
  await adminPaymentRoutes(app);
  // Its own plugin: the webhook's raw-body JSON parser must not reach any other route.
  await app.register(webhookRoutes);
}
