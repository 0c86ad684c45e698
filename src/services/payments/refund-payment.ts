import { count, eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { memberships, paymentRefunds, payments, paymentSubscriptions } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { isHeld } from '../../domain/credits/plan-types';
import { decideRefund, type RefundDecision } from '../../domain/payments/decide-refund';
import { receiptNumber } from '../../domain/payments/payment-types';
import { DomainError } from '../../domain/shared/domain-error';
import { recordAudit } from '../audit/record-audit';
import { applyMembershipStatus } from '../credits/memberships';
import type { PaymentProvider } from './provider';
import { revokeUnusedCredits } from './revoke-unused-credits';

async function refundState(executor: Database | Tx, paymentId: string, lock: boolean) {
  const query = executor.select().from(payments).where(eq(payments.id, paymentId));
  const [payment] = lock ? await query.for('update') : await query;
  if (!payment) throw new DomainError('PAYMENT_NOT_FOUND', 'That payment does not exist');
  const [{ n }] = (await executor
    .select({ n: count() })
    .from(paymentRefunds)
    .where(eq(paymentRefunds.paymentId, paymentId))) as [{ n: number }];
  return { payment, refundCount: Number(n) };
}

/**
 * An admin refunds a payment, fully or in part (ADR 0019). The provider is asked first, with the
 * key refund:<payment>:<n>, so a retry after a failure here gets the same refund back rather
 * than a second one. Then one transaction records it (unique per payment and n: a concurrent
 * identical request records it once), cancels or shortens the membership and revokes credits.
 */
export async function refundPayment(
  db: Database,
  provider: PaymentProvider,
  actor: Actor,
  paymentId: string,
  input: { amountMinor: number; reason: string },
  now: Date,
): Promise<{ refundedMinor: number; creditsRevoked: number }> {
  const before = await refundState(db, paymentId, false);
  const planned = decideRefund({ ...before.payment, refundCount: before.refundCount }, input);
  if (planned instanceof DomainError) throw planned;
  const { payment } = before;
  const providerRefund =
    payment.provider === 'STRIPE'
      ? await provider.refund({
          paymentRef: payment.providerPaymentId,
          amountMinor: planned.amountMinor,
          idempotencyKey: `refund:${payment.id}:${planned.seq}`,
        })
      : { refundId: null };
  if (planned.cancelMembership && payment.providerSubscriptionId && payment.provider === 'STRIPE') {
    await provider.cancelSubscription({
      subscriptionId: payment.providerSubscriptionId,
      idempotencyKey: `cancel:${payment.providerSubscriptionId}`,
    });
  }
  return inTransaction(db, async (tx) => {
    const locked = await refundState(tx, paymentId, true);
    const decision = decideRefund({ ...locked.payment, refundCount: locked.refundCount }, input);
    if (decision instanceof DomainError || decision.seq !== planned.seq) {
      // Another admin's refund landed in between: this one was recorded by them, or is stale.
      throw new DomainError('CONFLICT', 'This payment was just refunded by someone else. Reload and check.');
    }
    return applyRefund(
      tx,
      actor,
      locked.payment,
      decision,
      { ...input, providerRefundId: providerRefund.refundId },
      now,
    );
  });
}

async function applyRefund(
  tx: Tx,
  actor: Actor,
  payment: typeof payments.$inferSelect,
  decision: RefundDecision,
  input: { reason: string; providerRefundId: string | null },
  now: Date,
) {
  let creditsRevoked = 0;
  if (payment.membershipId) {
    const [membership] = await tx
      .select({ status: memberships.status })
      .from(memberships)
      .where(eq(memberships.id, payment.membershipId));
    if (decision.cancelMembership && membership && isHeld(membership.status)) {
      await tx
        .update(paymentSubscriptions)
        .set({ status: 'CANCELLED', updatedAt: now })
        .where(eq(paymentSubscriptions.membershipId, payment.membershipId));
      await applyMembershipStatus(tx, actor.id, payment.membershipId, 'CANCELLED', now, 'Your payment was refunded.');
    }
    creditsRevoked = await revokeUnusedCredits(
      tx,
      payment.membershipId,
      decision.revokeShare,
      { reasonCode: 'PAYMENT_REFUNDED', description: 'Credits removed: payment refunded', actorId: actor.id },
      now,
    );
  }
  await tx.insert(paymentRefunds).values({
    paymentId: payment.id,
    seq: decision.seq,
    amountMinor: decision.amountMinor,
    reason: input.reason,
    providerRefundId: input.providerRefundId,
    creditsRevoked,
    actorId: actor.id,
    createdAt: now,
  });
  const [after] = await tx
    .update(payments)
    .set({
      status: decision.status,
      refundedMinor: sql`${payments.refundedMinor} + ${decision.amountMinor}`,
      attention: null,
      updatedAt: now,
    })
    .where(eq(payments.id, payment.id))
    .returning({ refundedMinor: payments.refundedMinor });
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'payment.refunded',
    targetType: 'payment',
    targetId: payment.id,
    before: { status: payment.status, refundedMinor: payment.refundedMinor },
    after: { receipt: receiptNumber(payment.receiptNo), ...decision, creditsRevoked, reason: input.reason },
  });
  return { refundedMinor: after!.refundedMinor, creditsRevoked };
}
