import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { payments, paymentSubscriptions } from '../../db/schema';
import { receiptNumber } from '../../domain/payments/payment-types';
import { DomainError } from '../../domain/shared/domain-error';
import { localDateOf } from '../../domain/time/studio-week';
import { startMembership } from '../credits/memberships';
import { loadSettings } from '../settings/settings-service';
import { notifyAdmins } from './notify-admins';
import { confirmProvisional } from './pending-direct-debit';

export type PaymentRow = typeof payments.$inferSelect;

export interface PaidRefs {
  paymentIntentId: string | null;
  invoiceId?: string | null;
  subscriptionId: string | null;
  customerId: string | null;
  checkoutId?: string | null;
  method: string | null;
}

/** The payment row, locked: every event about one payment runs after the other (ADR 0019). */
export async function lockPayment(tx: Tx, paymentId: string): Promise<PaymentRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(paymentId)) return null;
  const [row] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for('update');
  return row ?? null;
}

/** Provider ids the event brings, without overwriting what an earlier event stored. */
function refsPatch(payment: PaymentRow, refs: PaidRefs) {
  return {
    providerPaymentId: payment.providerPaymentId ?? refs.paymentIntentId,
    providerInvoiceId: payment.providerInvoiceId ?? refs.invoiceId ?? null,
    providerSubscriptionId: payment.providerSubscriptionId ?? refs.subscriptionId,
    providerCustomerId: payment.providerCustomerId ?? refs.customerId,
    providerCheckoutId: payment.providerCheckoutId ?? refs.checkoutId ?? null,
    method: payment.method ?? refs.method,
  };
}

/**
 * The provider says this payment is paid. Under the payment's lock: OPEN/PENDING → SUCCEEDED
 * once, and the membership starts through the credits area (its credits granted with it). A
 * later event about the same payment (checkout completed + first invoice paid) only fills in
 * provider ids. A membership that can no longer start is left for an admin (`attention`); one
 * started provisionally while a Direct Debit was pending is confirmed instead (ADR 0023).
 */
export async function markPaid(tx: Tx, payment: PaymentRow, refs: PaidRefs, now: Date): Promise<void> {
  const patch = refsPatch(payment, refs);
  if (payment.status !== 'OPEN' && payment.status !== 'PENDING' && payment.status !== 'FAILED') {
    await tx.update(payments).set(patch).where(eq(payments.id, payment.id));
    if (patch.providerSubscriptionId) {
      // The first invoice came before the checkout's event: the checkout knows the card or Direct Debit.
      await tx
        .update(paymentSubscriptions)
        .set({
          method: sql`coalesce(${paymentSubscriptions.method}, ${patch.method})`,
          providerCustomerId: sql`coalesce(${paymentSubscriptions.providerCustomerId}, ${patch.providerCustomerId})`,
        })
        .where(eq(paymentSubscriptions.providerSubscriptionId, patch.providerSubscriptionId));
    }
    return;
  }
  if (payment.status === 'PENDING' && payment.membershipId) {
    await confirmProvisional(tx, { ...payment, membershipId: payment.membershipId }, patch, now);
    return;
  }
  let membershipId: string | null = null;
  let attention: string | null = null;
  const { 'studio.timezone': timeZone } = await loadSettings(tx);
  try {
    // A savepoint: a refusal (they started another plan meanwhile) must not undo the payment record.
    const view = await tx.transaction((sp) =>
      startMembership(
        sp,
        null,
        payment.userId,
        {
          planId: payment.planId!,
          startDate: localDateOf(now, timeZone),
          paymentReference: receiptNumber(payment.receiptNo),
        },
        now,
      ),
    );
    membershipId = view.id;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    attention = `Paid, but the plan could not start: ${error.message}`;
  }
  await tx
    .update(payments)
    .set({ ...patch, status: 'SUCCEEDED', paidAt: now, membershipId, attention, updatedAt: now })
    .where(eq(payments.id, payment.id));
  if (membershipId && patch.providerSubscriptionId) {
    await tx
      .insert(paymentSubscriptions)
      .values({
        userId: payment.userId,
        membershipId,
        provider: payment.provider,
        providerSubscriptionId: patch.providerSubscriptionId,
        providerCustomerId: patch.providerCustomerId,
        status: 'ACTIVE',
        method: patch.method,
        createdAt: now,
        updatedAt: now,
      })
      // A Direct Debit that failed (its provisional plan clawed back) and was paid on a retry:
      // the subscription row now belongs to the plan this payment starts.
      .onConflictDoUpdate({
        target: [paymentSubscriptions.provider, paymentSubscriptions.providerSubscriptionId],
        set: { membershipId, status: 'ACTIVE', updatedAt: now },
      });
  }
  if (attention) {
    await notifyAdmins(tx, `payment-attention:${payment.id}`, {
      title: `A payment needs you: ${receiptNumber(payment.receiptNo)}`,
      body: attention,
      link: '/admin/payments',
    });
  }
}
