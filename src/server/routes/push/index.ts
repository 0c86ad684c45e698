import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { commonErrors } from '../../../contracts/common';
import { pushRoutes } from '../../../contracts/push-routes';
import { access } from '../../../domain/access/policy';
import { removeSubscription, saveSubscription } from '../../../services/push/push-subscriptions';
import { loadVapidKeys } from '../../../services/push/vapid-keys';
import { actorOf } from '../../plugins/access';

/** Web Push: the studio's public key, and turning notifications on or off for this device (ADR 0020). */
export default async function pushNotificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/push/public-key',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['push'],
        summary: "The studio's VAPID public key, to subscribe a browser to push notifications",
        response: { 200: pushRoutes['GET /api/push/public-key'].response, ...commonErrors },
      },
    },
    async () => ({ publicKey: (await loadVapidKeys(app.deps.db, app.deps.config.vapid.keys)).publicKey }),
  );

  r.post(
    '/api/me/push-subscriptions',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['push'],
        summary: 'Turn on push notifications for this device (its PushSubscription)',
        body: pushRoutes['POST /api/me/push-subscriptions'].body,
        response: { 200: pushRoutes['POST /api/me/push-subscriptions'].response, ...commonErrors },
      },
    },
    async (request) =>
      saveSubscription(app.deps.db, actorOf(request).id, { ...request.body, userAgent: request.headers['user-agent'] }),
  );

  r.delete(
    '/api/me/push-subscriptions',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['push'],
        summary: 'Turn off push notifications for this device',
        body: pushRoutes['DELETE /api/me/push-subscriptions'].body,
        response: { 200: pushRoutes['DELETE /api/me/push-subscriptions'].response, ...commonErrors },
      },
    },
    async (request) => removeSubscription(app.deps.db, actorOf(request).id, request.body.endpoint),
  );
}
