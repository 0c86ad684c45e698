import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { pushSubscriptions } from '../../db/schema';

/** "iPhone", "Android phone", "Firefox on a computer": enough for a person to tell their devices apart. */
export function deviceOf(userAgent: string | undefined): string {
  const ua = userAgent ?? '';
  if (/iPhone/.test(ua)) return 'iPhone';
  if (/iPad/.test(ua)) return 'iPad';
  if (/Android/.test(ua)) return 'Android phone';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom/.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'A browser';
  return `${browser} on a computer`;
}

/**
 * Saves this browser's subscription for the signed-in person. One statement (upsert on the
 * endpoint): a browser subscribed again, or signed into by someone else, keeps one row and now
 * belongs to whoever subscribed last, so two people never both receive one phone's pushes.
 */
export async function saveSubscription(
  db: Database,
  userId: string,
  input: { endpoint: string; keys: { p256dh: string; auth: string }; userAgent?: string },
) {
  const values = {
    userId,
    endpoint: input.endpoint,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    device: deviceOf(input.userAgent),
  };
  const [row] = await db
    .insert(pushSubscriptions)
    .values(values)
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: values })
    .returning({ id: pushSubscriptions.id, device: pushSubscriptions.device });
  return row!;
}

/** Forgets this browser's subscription (turned off, or signing out); only the person's own. */
export async function removeSubscription(db: Database, userId: string, endpoint: string) {
  const removed = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)))
    .returning({ id: pushSubscriptions.id });
  return { removed: removed.length > 0 };
}
