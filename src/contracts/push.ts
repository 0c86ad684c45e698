import { z } from 'zod';

/*
 * Web Push (ADR 0020): the studio's public VAPID key, and a browser's subscription as
 * `PushSubscription.toJSON()` gives it.
 */

export const pushPublicKey = z.object({
  /** The VAPID public key, base64url: the browser's `applicationServerKey`. */
  publicKey: z.string(),
});

const base64url = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .min(1, `${label} cannot be empty`)
    .max(max, `${label} is too long`)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, `${label} must be base64url`);

/** A push service's address for one browser: https, as every browser's push service is. */
const endpoint = z
  .string({ error: 'The endpoint must be text' })
  .max(2000, 'The endpoint is too long')
  .url('The endpoint must be an address')
  .refine((value) => value.startsWith('https://'), 'The endpoint must be an https address');

export const pushSubscriptionBody = z.object({
  endpoint,
  keys: z.object({ p256dh: base64url('The p256dh key', 200), auth: base64url('The auth secret', 100) }),
});

export const pushSubscriptionView = z.object({
  id: z.string(),
  /** Which device, in words ("iPhone", "Chrome on a computer"). */
  device: z.string(),
});

export const pushEndpointBody = z.object({ endpoint });

export const pushUnsubscribed = z.object({ removed: z.boolean() });
