import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { membershipPlans, memberships, paymentSubscriptions, users } from '../../db/schema';
import { commitmentEndsOn, endsWithinCommitment } from '../../domain/credits/commitment';
import { formatLocal } from '../../domain/time/format-local';
import { startOfLocalDate } from '../../domain/time/studio-week';
import type { PaymentEvent } from '../../domain/payments/payment-events';
import { decideScheduledEnd, lastPaidDay } from '../../domain/payments/scheduled-end';
import { recordAudit } from '../audit/record-audit';
import { loadSettings } from '../settings/settings-service';
import { notifyAdmins } from './notify-admins';
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
  if (change.endsOn) await tellAdminsIfCommitted(tx, membership, change.endsOn, timeZone);
  await recordAudit(tx, {
    actorId: null,
    action: change.endsOn ? 'membership.ending' : 'membership.renewing',
    targetType: 'membership',
    targetId: membership.id,
    before: { userId: membership.userId, lastDay: membership.endDate },
    after: { userId: membership.userId, lastDay: change.endDate },
  });
}

/**
 * A plan cancelled in the portal before its minimum commitment is over: Stripe takes no more
 * payments, so the studio is owed the rest. Every admin is told once per last day (bell and email).
 */
async function tellAdminsIfCommitted(
  tx: Tx,
  membership: { id: string; userId: string; planId: string; startDate: string },
  lastDay: string,
  timeZone: string,
) {
  const [row] = await tx
    .select({ plan: membershipPlans.name, months: membershipPlans.commitmentMonths, client: users.name })
    .from(membershipPlans)
    .innerJoin(users, eq(users.id, membership.userId))
    .where(eq(membershipPlans.id, membership.planId));
  const committedUntil = row ? commitmentEndsOn(membership.startDate, row.months) : null;
  if (!row || !committedUntil || !endsWithinCommitment(lastDay, committedUntil)) return;
  const day = (date: string) => formatLocal(startOfLocalDate(date, timeZone), timeZone, 'EEE d MMM yyyy');
  await notifyAdmins(tx, `portal-cancel-within-commitment:${membership.id}:${lastDay}`, {
    title: `${row.client} cancelled ${row.plan} within its commitment`,
    body:
      `Cancelled in the billing portal: it ends on ${day(lastDay)} and Stripe will take no more payments, ` +
      `but the commitment runs until ${day(committedUntil)}. Speak to them, or take the rest another way.`,
    link: `/clients/${membership.userId}`,
  });
}
