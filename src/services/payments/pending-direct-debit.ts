import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { memberships, payments, paymentSubscriptions } from '../../db/schema';
import type { PaymentEvent } from '../../domain/payments/payment-events';
import { receiptNumber } from '../../domain/payments/payment-types';
import { DomainError } from '../../domain/shared/domain-error';
import { localDateOf } from '../../domain/time/studio-week';
import { allocateForMemberships } from '../credits/allocate-weekly-credits';
import { applyMembershipStatus, startMembership } from '../credits/memberships';
import { notifyUser } from '../notifications/notify-user';
import { loadSettings } from '../settings/settings-service';
import type { PaymentRow } from './activate-payment';
import { notifyAdmins } from './notify-admins';
import { revokeUnusedCredits } from './revoke-unused-credits';

/*
 * A Direct Debit takes days (ADR 0023). With `payments.grantWhilePending` on, a monthly plan
 * paid by Bacs starts at once, *provisionally*: one week's credits. Success takes the
 * provisional mark off (the later weeks follow as for any plan); failure cancels it and takes
 * back its unused credits. Every function runs in the webhook's transaction with the payment
 * row already locked by the caller, then subscription → membership → grants (ADR 0019's order),
 * so the events about one payment run one after the other and each effect happens once.
 */

type Pending = Extract<PaymentEvent, { type: 'CHECKOUT_PENDING' }>;

/** Starts the plan provisionally; null when it cannot start (it then starts, or not, when paid). */
async function startProvisional(tx: Tx, payment: PaymentRow, now: Date): Promise<string | null> {
  const { 'studio.timezone': timeZone } = await loadSettings(tx);
  try {
    // A savepoint: a refusal (they hold another plan) must leave the payment PENDING, nothing else.
    const view = await tx.transaction((sp) =>
      startMembership(
        sp,
        null,
        payment.userId,
        {
          planId: payment.planId!,
          startDate: localDateOf(now, timeZone),
          paymentReference: receiptNumber(payment.receiptNo),
          provisional: true,
        },
        now,
      ),
    );
    return view.id;
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/** Checkout completed but the money is not there yet (Bacs): PENDING, and maybe the first week. */
export async function paymentPending(tx: Tx, payment: PaymentRow, event: Pending, now: Date): Promise<void> {
  if (payment.status !== 'OPEN') return;
  const refs = event.checkout;
  const grantWhilePending =
    (await loadSettings(tx))['payments.grantWhilePending'] &&
    payment.kind === 'SUBSCRIPTION_START' &&
    event.method === 'bacs_debit' &&
    refs.subscriptionId !== null;
  const membershipId = grantWhilePending ? await startProvisional(tx, payment, now) : null;
  await tx
    .update(payments)
    .set({
      status: 'PENDING',
      method: event.method,
      membershipId,
      providerCheckoutId: payment.providerCheckoutId ?? refs.checkoutId,
      providerPaymentId: refs.paymentIntentId,
      providerSubscriptionId: refs.subscriptionId,
      providerCustomerId: refs.customerId,
      updatedAt: now,
    })
    .where(eq(payments.id, payment.id));
  if (membershipId) {
    await tx
      .insert(paymentSubscriptions)
      .values({
        userId: payment.userId,
        membershipId,
        provider: payment.provider,
        providerSubscriptionId: refs.subscriptionId!,
        providerCustomerId: refs.customerId,
        status: 'ACTIVE',
        method: event.method,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing();
  }
  await notifyUser(tx, {
    userId: payment.userId,
    feature: null,
    kind: 'payment_pending',
    title: membershipId ? "Direct Debit pending — first week's credits given" : 'Your Direct Debit is set up',
    body: membershipId
      ? "Bank payments take a few working days. Your first week's credits are ready to book now; the rest follow when the payment arrives. If the bank does not pay, the plan stops and unused credits are taken back."
      : 'Bank payments take a few working days. Your plan starts as soon as the payment arrives.',
    link: '/membership',
    dedupeKey: `payment-pending:${payment.id}`,
  });
}

/**
 * The pending Direct Debit was paid: the plan stops being provisional and gets its later weeks
 * (the first week's grant exists: its (membership, week) key keeps it from being granted twice).
 * A plan cancelled meanwhile is not restarted; the payment is left for an admin.
 */
export async function confirmProvisional(
  tx: Tx,
  payment: PaymentRow & { membershipId: string },
  patch: Partial<PaymentRow>,
  now: Date,
): Promise<void> {
  await tx
    .select({ id: paymentSubscriptions.id })
    .from(paymentSubscriptions)
    .where(eq(paymentSubscriptions.membershipId, payment.membershipId))
    .for('update');
  const [membership] = await tx
    .update(memberships)
    .set({ provisional: false, updatedAt: now })
    .where(eq(memberships.id, payment.membershipId))
    .returning({ status: memberships.status });
  if (membership?.status === 'ACTIVE') await allocateForMemberships(tx, [payment.membershipId], now);
  const attention =
    membership?.status === 'CANCELLED'
      ? 'Paid, but its plan was cancelled while the Direct Debit was pending: refund it or start the plan again.'
      : null;
  await tx
    .update(payments)
    .set({ ...patch, status: 'SUCCEEDED', paidAt: now, attention, updatedAt: now })
    .where(eq(payments.id, payment.id));
  if (attention) {
    await notifyAdmins(tx, `payment-attention:${payment.id}`, {
      title: `A payment needs you: ${receiptNumber(payment.receiptNo)}`,
      body: attention,
      link: '/admin/payments',
    });
  }
}

/** Cancels the provisional plan and takes back its unused credits; returns how many. */
async function clawBack(tx: Tx, membershipId: string, now: Date): Promise<number> {
  await tx
    .update(paymentSubscriptions)
    .set({ status: 'CANCELLED', updatedAt: now })
    .where(eq(paymentSubscriptions.membershipId, membershipId));
  const [membership] = await tx
    .select({ status: memberships.status })
    .from(memberships)
    .where(eq(memberships.id, membershipId))
    .for('update');
  if (membership?.status === 'ACTIVE' || membership?.status === 'PAUSED') {
    await applyMembershipStatus(tx, null, membershipId, 'CANCELLED', now, 'Your Direct Debit did not go through.');
  }
  // Cancelling only cut the grants at tomorrow: the first week's unused credits go now too.
  // Credits already spent on bookings stay spent (those bookings stand).
  return revokeUnusedCredits(
    tx,
    membershipId,
    1,
    { reasonCode: 'PAYMENT_FAILED', description: 'Credits removed: Direct Debit failed', actorId: null },
    now,
  );
}

/** The checkout's payment will not arrive (Bacs failed, or Checkout expired). */
export async function paymentFailed(tx: Tx, payment: PaymentRow, now: Date): Promise<void> {
  if (payment.status !== 'OPEN' && payment.status !== 'PENDING') return;
  await tx.update(payments).set({ status: 'FAILED', updatedAt: now }).where(eq(payments.id, payment.id));
  if (payment.status !== 'PENDING') return;
  const revoked = payment.membershipId ? await clawBack(tx, payment.membershipId, now) : null;
  await notifyUser(tx, {
    userId: payment.userId,
    feature: null,
    kind: 'payment_failed',
    title: 'Your payment did not go through',
    body:
      revoked === null
        ? 'Your bank did not pay. Nothing was charged; you can try again from Plans.'
        : 'Your bank did not pay, so the plan has stopped and the unused credits of its first week were taken back. Classes you already booked stay booked. You can try again from Plans.',
    link: '/plans',
    email: true,
    dedupeKey: `payment-failed:${payment.id}`,
  });
  if (revoked !== null) {
    await notifyAdmins(tx, `direct-debit-failed:${payment.id}`, {
      title: `A Direct Debit failed: ${receiptNumber(payment.receiptNo)}`,
      body: `The bank did not pay. The plan started while it was pending is cancelled and ${revoked} unused credit${revoked === 1 ? '' : 's'} taken back; credits already used for bookings stay used.`,
      link: '/admin/payments',
    });
  }
}
