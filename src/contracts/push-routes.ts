import type { RouteContract, RouteKey } from './routes';
import { pushEndpointBody, pushPublicKey, pushSubscriptionBody, pushSubscriptionView, pushUnsubscribed } from './push';

/** Web Push: the key a browser subscribes with, and this device's subscription (ADR 0020). */
export const pushRoutes = {
  'GET /api/push/public-key': { response: pushPublicKey },
  'POST /api/me/push-subscriptions': { body: pushSubscriptionBody, response: pushSubscriptionView },
  'DELETE /api/me/push-subscriptions': { body: pushEndpointBody, response: pushUnsubscribed },
} satisfies Record<RouteKey, RouteContract>;
