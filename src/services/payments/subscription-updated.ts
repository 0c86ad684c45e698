import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { memberships, paymentSubscriptions } from '../../db/schema';
import type { PaymentEvent } from '../../domain/payments/payment-events';
import { decideScheduledEnd, lastPaidDay } from '../../domain/payments/scheduled-end';
import { recordAudit } from '../audit/record-audit';
import { loadSettings } from '../settings/settings-service';
import { lockKnownSubscription } from './subscription-events';

type SubscriptionUpdated = Extract<PaymentEvent, { type: 'SUBSCRIPTION_UPDATED' }>;

/**
 * The subscription changed at the provider (ADR 0029). Cancelled at the period's end in the
 * customer portal: the membership's last day becomes the last day paid for, so it stops renewing
 * in every view and gets no weekly credits after it (the final customer.subscription.deleted
 * still cancels it). Cancellation undone: that last day goes again. Other changes (status,
 * a new period) change nothing here: the invoice events carry them. Updates older than the last
 * one applied are stale (Stripe does not promise order) and change nothing.
 */
export async function subscriptionUpdated(tx: Tx, event: SubscriptionUpdated, now: Date): Promise<void> {
  const found = await lockKnownSubscription(tx, event);
  if (!found || found.s.status === 'CANCELLED') return;
  const { s } = found;
  if (s.updatedByProviderAt && event.occurredAt < s.updatedByProviderAt) return;
  // Subscription, then its membership: ADR 0019's lock order.
  const [membership] = await tx.select().from(memberships).where(eq(memberships.id, s.membershipId)).for('update');
  const held = membership && (membership.status === 'ACTIVE' || membership.status === 'PAUSED');
  const { 'studio.timezone': timeZone } = await loadSettings(tx);
  const endsOn = event.endsAt ? lastPaidDay(event.endsAt, timeZone) : null;
  const change = held ? decideScheduledEnd({ ...membership, endsOn: s.endsOn }, endsOn) : null;
  await tx
    .update(paymentSubscriptions)
    .set({ updatedByProviderAt: event.occurredAt, ...(change && { endsOn: change.endsOn }), updatedAt: now })
    .where(eq(paymentSubscriptions.id, s.id));
  if (!change || !membership) return;
  if (change.endDate !== membership.endDate) {
    await tx
      .update(memberships)
      .set({ endDate: change.endDate, updatedAt: now })
      .where(eq(memberships.id, membership.id));
  }
  await recordAudit(tx, {
    actorId: null,
    action: change.endsOn ? 'membership.ending' : 'membership.renewing',
    targetType: 'membership',
    targetId: membership.id,
    before: { userId: membership.userId, lastDay: membership.endDate },
    after: { userId: membership.userId, lastDay: change.endDate },
  });
}
