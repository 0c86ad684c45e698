import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { creditGrants, creditTransactions } from '../../db/schema';
import { planRefund, type RegistrationMovement } from '../../domain/credits/plan-refund';
import { applyMovements } from './ledger-writes';

/**
 * Returns to each grant exactly what this registration took from it (REFUND ledger rows).
 * Idempotent: a second call for the same registration refunds 0. The grants are locked before
 * the registration's movements are read, so two refunds racing for the same registration see
 * each other's rows and only one gives the credits back.
 */
export async function refundCreditsForBooking(
  tx: Tx,
  input: { registrationId: string; actorId: string; reason: string; now: Date },
): Promise<{ refunded: number }> {
  const touched = tx
    .select({ grantId: creditTransactions.grantId })
    .from(creditTransactions)
    .where(eq(creditTransactions.registrationId, input.registrationId));
  const locked = await tx
    .select({ id: creditGrants.id })
    .from(creditGrants)
    .where(inArray(creditGrants.id, touched))
    .orderBy(asc(creditGrants.id))
    .for('update');
  if (locked.length === 0) return { refunded: 0 };

  const rows = await tx
    .select({
      grantId: creditTransactions.grantId,
      kind: creditTransactions.kind,
      amount: creditTransactions.amount,
      sessionId: creditTransactions.sessionId,
      description: creditTransactions.description,
    })
    .from(creditTransactions)
    .where(and(eq(creditTransactions.registrationId, input.registrationId), inArray(creditTransactions.kind, ['CONSUME', 'REFUND'])))
    .orderBy(asc(creditTransactions.seq));
  const refunds = planRefund(rows as RegistrationMovement[]);
  if (refunds.length === 0) return { refunded: 0 };

  const booking = rows.find((r) => r.kind === 'CONSUME');
  await applyMovements(tx, refunds, {
    kind: 'REFUND',
    reasonCode: 'BOOKING_REFUND',
    description: booking ? `${booking.description} — ${input.reason}` : input.reason,
    actorId: input.actorId,
    registrationId: input.registrationId,
    sessionId: booking?.sessionId ?? null,
    now: input.now,
  });
  return { refunded: refunds.reduce((sum, r) => sum + r.amount, 0) };
}
