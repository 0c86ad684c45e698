import type { Agent } from 'node:https';
import webpush, { WebPushError } from 'web-push';
import type { PushUrgency } from '../domain/push/push-policy';

export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** What became of one push: delivered, the device is gone (404/410), worth retrying, or refused for good. */
export type PushOutcome =
  | { kind: 'sent' }
  | { kind: 'gone'; status: number }
  | { kind: 'retry'; error: string }
  | { kind: 'failed'; error: string };

export type PushSend = (
  target: PushTarget,
  payload: string,
  options: { ttlSeconds: number; urgency: PushUrgency },
) => Promise<PushOutcome>;

/**
 * Sends one push through the web-push library: the payload encrypted for the browser (RFC 8291)
 * and signed with the studio's VAPID key (RFC 8292), with TTL and Urgency headers. `agent` is for
 * tests only, to trust a local push service's certificate.
 */
export function createPushSender(
  vapid: { subject: string; publicKey: string; privateKey: string },
  agent?: Agent,
): PushSend {
  return async (target, payload, options) => {
    try {
      await webpush.sendNotification(target, payload, {
        vapidDetails: vapid,
        TTL: options.ttlSeconds,
        urgency: options.urgency,
        timeout: 10_000,
        ...(agent ? { agent } : {}),
      });
      return { kind: 'sent' };
    } catch (error) {
      if (!(error instanceof WebPushError)) return { kind: 'retry', error: String((error as Error)?.message ?? error) };
      const status = error.statusCode;
      if (status === 404 || status === 410) return { kind: 'gone', status };
      const detail = `${status} ${error.body || error.message}`.slice(0, 500);
      // 429 (slow down) and 5xx are the push service's trouble: try again later. Other 4xx will not get better.
      return status === 429 || status >= 500 ? { kind: 'retry', error: detail } : { kind: 'failed', error: detail };
    }
  };
}
