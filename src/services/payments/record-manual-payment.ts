import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { membershipPlans, payments } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { receiptNumber } from '../../domain/payments/payment-types';
import { DomainError } from '../../domain/shared/domain-error';
import type { LocalDate } from '../../domain/time/studio-week';
import { recordAudit } from '../audit/record-audit';
import { startMembership } from '../credits/memberships';
import { loadSettings } from '../settings/settings-service';
import { paymentById, type PaymentView } from './payment-views';

export interface ManualPaymentInput {
  userId: string;
  planId: string;
  startDate: LocalDate;
  amountMinor: number;
  method: 'cash' | 'bank_transfer';
  reference?: string | null;
}

/**
 * Cash or a bank transfer taken by the studio: the payment (with a receipt number) and the
 * membership it pays for, started by the same code as an online payment, in one transaction.
 */
export async function recordManualPayment(
  db: Database,
  actor: Actor,
  input: ManualPaymentInput,
  now: Date,
): Promise<PaymentView> {
  const id = await inTransaction(db, async (tx) => {
    const [plan] = await tx.select().from(membershipPlans).where(eq(membershipPlans.id, input.planId));
    if (!plan) throw new DomainError('PLAN_NOT_FOUND', 'That plan does not exist');
    const [row] = await tx
      .insert(payments)
      .values({
        userId: input.userId,
        planId: plan.id,
        kind: 'MANUAL',
        provider: 'MANUAL',
        status: 'SUCCEEDED',
        method: input.method,
        amountMinor: input.amountMinor,
        currency: (await loadSettings(tx))['studio.currency'],
        description: plan.name,
        reference: input.reference?.trim() || null,
        recordedBy: actor.id,
        paidAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const membership = await startMembership(
      tx,
      actor.id,
      input.userId,
      { planId: plan.id, startDate: input.startDate, paymentReference: receiptNumber(row!.receiptNo) },
      now,
    );
    await tx.update(payments).set({ membershipId: membership.id }).where(eq(payments.id, row!.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'payment.recorded',
      targetType: 'payment',
      targetId: row!.id,
      after: { ...input, receipt: receiptNumber(row!.receiptNo) },
    });
    return row!.id;
  });
  return paymentById(db, id);
}
