import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { pushDeliveries, pushSubscriptions } from '../db/schema';
import { pushRetryDelayMs, pushTtlSeconds } from '../domain/push/push-policy';
import { isFeatureEnabled, type Feature } from '../domain/settings/setting-definitions';
import { loadSettings } from '../services/settings/settings-service';
import type { PushSend } from './push-sender';

const BATCH_SIZE = 50;
const MAX_ATTEMPTS = 6;
/** A claim older than this was left by an instance that stopped mid-send: claim it again. */
const STALE_CLAIM_MS = 5 * 60_000;

type Row = typeof pushDeliveries.$inferSelect;

/**
 * Sends the pushes waiting in the outbox. Safe with every instance running it at once: rows are
 * claimed in one UPDATE over a `FOR UPDATE SKIP LOCKED` sub-select, so two instances never claim
 * the same row, and a row leaves SENDING only by this instance's own result. Sent outside any
 * transaction, then recorded: 404/410 (the browser unsubscribed) deletes the subscription,
 * 5xx/429/network errors retry with backoff, a class that started expires the push unsent, and a
 * switched-off feature sends nothing.
 */
export async function deliverPushOutbox(db: Database, send: PushSend, now: Date) {
  const claimable = db
    .select({ id: pushDeliveries.id })
    .from(pushDeliveries)
    .where(
      or(
        and(eq(pushDeliveries.status, 'PENDING'), lte(pushDeliveries.nextAttemptAt, now)),
        and(
          eq(pushDeliveries.status, 'SENDING'),
          lt(pushDeliveries.claimedAt, new Date(now.getTime() - STALE_CLAIM_MS)),
        ),
      ),
    )
    .orderBy(pushDeliveries.nextAttemptAt)
    .limit(BATCH_SIZE)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(pushDeliveries)
    .set({ status: 'SENDING', claimedAt: now, attempts: sql`${pushDeliveries.attempts} + 1` })
    .where(inArray(pushDeliveries.id, claimable))
    .returning();
  const tally = { sent: 0, retried: 0, failed: 0, pruned: 0, expired: 0, skipped: 0 };
  if (claimed.length === 0) return tally;

  const settings = await loadSettings(db);
  const targets = await db
    .select()
    .from(pushSubscriptions)
    .where(inArray(pushSubscriptions.id, [...new Set(claimed.map((d) => d.subscriptionId))]));
  const targetOf = new Map(targets.map((t) => [t.id, t]));

  for (const delivery of claimed) {
    const target = targetOf.get(delivery.subscriptionId);
    if (!target) continue; // unsubscribed meanwhile: the row went with it (cascade)
    if (delivery.feature && !isFeatureEnabled(settings, delivery.feature as Feature)) {
      await finish(db, delivery, 'SKIPPED', 'The feature is switched off');
      tally.skipped++;
      continue;
    }
    const ttlSeconds = pushTtlSeconds(delivery.classStartsAt, now);
    if (ttlSeconds === 0) {
      await finish(db, delivery, 'EXPIRED', 'Too late to be useful');
      tally.expired++;
      continue;
    }
    const outcome = await send(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      JSON.stringify(delivery.payload),
      { ttlSeconds, urgency: delivery.urgency },
    );
    if (outcome.kind === 'sent') {
      await db
        .update(pushDeliveries)
        .set({ status: 'SENT', sentAt: now, lastError: null })
        .where(eq(pushDeliveries.id, delivery.id));
      tally.sent++;
    } else if (outcome.kind === 'gone') {
      // The browser unsubscribed or the subscription expired: forget the device (and its pending pushes).
      await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, target.id));
      tally.pruned++;
    } else if (outcome.kind === 'retry' && delivery.attempts < MAX_ATTEMPTS) {
      await db
        .update(pushDeliveries)
        .set({
          status: 'PENDING',
          lastError: outcome.error,
          nextAttemptAt: new Date(now.getTime() + pushRetryDelayMs(delivery.attempts)),
        })
        .where(eq(pushDeliveries.id, delivery.id));
      tally.retried++;
    } else {
      await finish(db, delivery, 'FAILED', outcome.error);
      tally.failed++;
    }
  }
  return tally;
}

async function finish(db: Database, delivery: Row, status: 'FAILED' | 'EXPIRED' | 'SKIPPED', why: string) {
  await db.update(pushDeliveries).set({ status, lastError: why }).where(eq(pushDeliveries.id, delivery.id));
}
