import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { memberships, payments, paymentSubscriptions } from '../../db/schema';
import type { PaymentEvent } from '../../domain/payments/payment-events';
import { DomainError } from '../../domain/shared/domain-error';
import { addLocalDays } from '../../domain/time/studio-week';
import { applyMembershipStatus, revokeGrantsFrom } from '../credits/memberships';
import { loadSettings } from '../settings/settings-service';
import { lockPayment } from './activate-payment';
import { notifyAdmins } from './notify-admins';

type Event<T extends PaymentEvent['type']> = Extract<PaymentEvent, { type: T }>;

/** The subscription row, locked (before its membership: ADR 0019's order). Null = not ours / not yet known. */
async function lockSubscription(tx: Tx, providerSubscriptionId: string) {
  const [row] = await tx
    .select({ s: paymentSubscriptions, status: memberships.status, planId: memberships.planId })
    .from(paymentSubscriptions)
    .innerJoin(memberships, eq(memberships.id, paymentSubscriptions.membershipId))
    .where(
      and(
        eq(paymentSubscriptions.provider, 'STRIPE'),
        eq(paymentSubscriptions.providerSubscriptionId, providerSubscriptionId),
      ),
    )
    .for('update', { of: paymentSubscriptions });
  return row ?? null;
}

/**
 * The subscription an event is about, locked — or null when it is not Roster's (no payment of
 * ours started it) or will never have a plan (its start payment failed, or was paid but could
 * not start one). When Roster's checkout that starts it has not landed yet (the event came
 * first), it refuses with WEBHOOK_EVENT_EARLY: the transaction rolls back with the event's id,
 * and Stripe delivers it again later, when the subscription is known (ADR 0023).
 */
export async function lockKnownSubscription(
  tx: Tx,
  event: { subscriptionId: string; startPaymentId: string | null },
): Promise<Awaited<ReturnType<typeof lockSubscription>>> {
  const found = await lockSubscription(tx, event.subscriptionId);
  if (found || !event.startPaymentId) return found;
  const start = await lockPayment(tx, event.startPaymentId);
  if (!start) return null;
  // Under the start payment's lock: a checkout event that committed meanwhile is seen now.
  const known = await lockSubscription(tx, event.subscriptionId);
  if (known) return known;
  if (start.status === 'OPEN' || start.status === 'PENDING') {
    throw new DomainError(
      'WEBHOOK_EVENT_EARLY',
      'This event is about a subscription whose checkout has not been confirmed yet; send it again later.',
    );
  }
  return null;
}

/** A monthly renewal was paid: a RENEWAL payment (one per invoice); a plan paused for non-payment resumes. */
export async function renewalPaid(tx: Tx, event: Event<'INVOICE_PAID'>, now: Date): Promise<void> {
  const found = await lockKnownSubscription(tx, event);
  if (!found) return;
  const { s } = found;
  const paid = {
    status: 'SUCCEEDED' as const,
    providerPaymentId: event.paymentIntentId,
    attention: null,
    paidAt: now,
    updatedAt: now,
  };
  await tx
    .insert(payments)
    .values({
      userId: s.userId,
      planId: found.planId,
      membershipId: s.membershipId,
      kind: 'RENEWAL',
      provider: s.provider,
      method: s.method,
      amountMinor: event.amountMinor,
      currency: event.currency,
      description: 'Monthly renewal',
      providerInvoiceId: event.invoiceId,
      providerSubscriptionId: event.subscriptionId,
      providerCustomerId: s.providerCustomerId,
      createdAt: now,
      ...paid,
    })
    // The invoice may have failed first (a FAILED row): it is paid now.
    .onConflictDoUpdate({ target: payments.providerInvoiceId, set: paid });
  const wasPastDue = s.status === 'PAST_DUE';
  await tx
    .update(paymentSubscriptions)
    .set({ status: 'ACTIVE', currentPeriodEnd: event.periodEnd ?? s.currentPeriodEnd, updatedAt: now })
    .where(eq(paymentSubscriptions.id, s.id));
  if (wasPastDue && found.status === 'PAUSED') {
    await applyMembershipStatus(tx, null, s.membershipId, 'ACTIVE', now, 'Your monthly payment went through.');
  }
}

/**
 * A renewal failed. Recorded each time; only when the provider has stopped retrying is the
 * plan paused and the client and every admin told.
 */
export async function renewalFailed(tx: Tx, event: Event<'INVOICE_FAILED'>, now: Date): Promise<void> {
  const found = await lockKnownSubscription(tx, event);
  if (!found) return;
  const { s } = found;
  const attention = event.final ? 'Renewal failed after every retry: the membership is paused.' : null;
  await tx
    .insert(payments)
    .values({
      userId: s.userId,
      planId: found.planId,
      membershipId: s.membershipId,
      kind: 'RENEWAL',
      provider: s.provider,
      status: 'FAILED',
      method: s.method,
      amountMinor: event.amountMinor,
      currency: event.currency,
      description: 'Monthly renewal',
      providerInvoiceId: event.invoiceId,
      providerSubscriptionId: event.subscriptionId,
      providerCustomerId: s.providerCustomerId,
      attention,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: payments.providerInvoiceId,
      set: { attention, updatedAt: now },
      setWhere: eq(payments.status, 'FAILED'),
    });
  if (!event.final) return;
  await tx
    .update(paymentSubscriptions)
    .set({ status: 'PAST_DUE', updatedAt: now })
    .where(eq(paymentSubscriptions.id, s.id));
  if (found.status === 'ACTIVE') {
    await applyMembershipStatus(
      tx,
      null,
      s.membershipId,
      'PAUSED',
      now,
      'We could not take your monthly payment. Update your card or bank details under "Manage billing" to carry on.',
    );
  }
  await notifyAdmins(tx, `renewal-failed:${event.invoiceId}`, {
    title: 'A monthly payment failed',
    body: 'Stripe has stopped retrying a renewal; the membership is paused until it is paid.',
    link: '/admin/payments',
  });
}

/** The subscription ended (cancelled in the Customer Portal, or by Stripe): the membership is cancelled. */
export async function subscriptionEnded(tx: Tx, event: Event<'SUBSCRIPTION_ENDED'>, now: Date): Promise<void> {
  const found = await lockKnownSubscription(tx, event);
  if (!found || found.s.status === 'CANCELLED') return;
  await tx
    .update(paymentSubscriptions)
    .set({ status: 'CANCELLED', updatedAt: now })
    .where(eq(paymentSubscriptions.id, found.s.id));
  if (found.status === 'ACTIVE' || found.status === 'PAUSED') {
    await applyMembershipStatus(tx, null, found.s.membershipId, 'CANCELLED', now, 'Your subscription has ended.');
  } else if (found.status === 'EXPIRED') {
    await removeCreditsAfterLastDay(tx, found.s.membershipId, now);
  }
}

/**
 * Cancelled at the period's end (ADR 0029), the membership may have ended by its last day before
 * this event came: credits granted before the cancellation for later weeks go now, as a
 * cancellation removes them.
 */
async function removeCreditsAfterLastDay(tx: Tx, membershipId: string, now: Date): Promise<void> {
  const [row] = await tx
    .select({ endDate: memberships.endDate })
    .from(memberships)
    .where(eq(memberships.id, membershipId))
    .for('update');
  if (!row?.endDate) return;
  const { 'studio.timezone': timeZone } = await loadSettings(tx);
  await revokeGrantsFrom(tx, membershipId, addLocalDays(row.endDate, 1), timeZone, null, now);
}
