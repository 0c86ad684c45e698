import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { creditGrants, creditTransactions } from '../../db/schema';
import { planRefund, type RegistrationMovement } from '../../domain/credits/plan-refund';
import { applyMovements, movementValues, type MovementContext } from './ledger-writes';

/** A registration's CONSUME/REFUND ledger rows, as the refund needs them. */
export interface BookingMovement extends RegistrationMovement {
  sessionId: string | null;
  description: string;
}

interface RefundInput {
  registrationId: string;
  actorId: string;
  /** Why, in plain words appended to the booking's ledger text, e.g. "cancelled in time". */
  reason: string;
  now: Date;
}

/**
 * Returns to each grant exactly what this registration took from it (REFUND ledger rows).
 * Idempotent: a second call for the same registration refunds 0. The grants are locked before
 * the registration's movements are read, so two refunds racing for the same registration see
 * each other's rows and only one gives the credits back.
 */
export async function refundCreditsForBooking(tx: Tx, input: RefundInput): Promise<{ refunded: number }> {
  return refundLedgerOf(tx, { registrationId: input.registrationId }, input);
}

/** The same refund rule for a 1-on-1 appointment: its credits go back to the grants they came from. */
export async function refundCreditsForAppointment(
  tx: Tx,
  input: Omit<RefundInput, 'registrationId'> & { appointmentId: string },
): Promise<{ refunded: number }> {
  return refundLedgerOf(tx, { appointmentId: input.appointmentId }, input);
}

async function refundLedgerOf(
  tx: Tx,
  paidFor: { registrationId: string } | { appointmentId: string },
  input: Omit<RefundInput, 'registrationId'>,
): Promise<{ refunded: number }> {
  const ofPaidFor =
    'registrationId' in paidFor
      ? eq(creditTransactions.registrationId, paidFor.registrationId)
      : eq(creditTransactions.appointmentId, paidFor.appointmentId);
  const touched = tx.select({ grantId: creditTransactions.grantId }).from(creditTransactions).where(ofPaidFor);
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
    .where(and(ofPaidFor, inArray(creditTransactions.kind, ['CONSUME', 'REFUND'])))
    .orderBy(asc(creditTransactions.seq));
  const refunds = planRefund(rows as RegistrationMovement[]);
  if (refunds.length === 0) return { refunded: 0 };

  await applyMovements(tx, refunds, { ...refundContext(rows as BookingMovement[], input), ...paidFor });
  return { refunded: refunds.reduce((sum, r) => sum + r.amount, 0) };
}

function refundContext(
  movements: readonly BookingMovement[],
  input: Omit<RefundInput, 'registrationId'> & { registrationId?: string },
): MovementContext {
  const booking = movements.find((r) => r.kind === 'CONSUME');
  return {
    kind: 'REFUND',
    reasonCode: 'BOOKING_REFUND',
    description: booking ? `${booking.description} — ${input.reason}` : input.reason,
    actorId: input.actorId,
    registrationId: input.registrationId ?? null,
    sessionId: booking?.sessionId ?? null,
    now: input.now,
  };
}

/**
 * A registration's ledger rows as a JSON array, for a caller that reads them in a larger statement
 * (the cancellation's locked read). Safe unlocked only under that registration's session lock,
 * which every refund of a booking holds.
 */
export function registrationMovementsJson(registrationId: SQL): SQL {
  return sql`(SELECT COALESCE(json_agg(json_build_object('grantId', t.grant_id, 'kind', t.kind, 'amount', t.amount,
      'sessionId', t.session_id, 'description', t.description) ORDER BY t.seq), '[]'::json)
    FROM credit_transactions t WHERE t.registration_id = ${registrationId} AND t.kind IN ('CONSUME', 'REFUND'))`;
}

export function parseRegistrationMovements(value: unknown): BookingMovement[] {
  return (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as BookingMovement[];
}

/**
 * The refund of a booking whose ledger rows were read by the caller, as the values of
 * movementCtes in the caller's own statement (no movements when nothing is owed). `rows` is how
 * many ledger rows the statement must write, `refunded` the credits given back, `grantIds` the
 * grants it changes (a promotion in the same transaction locks them with its own: ADR 0008).
 */
export function bookingRefundValues(
  movements: readonly BookingMovement[],
  input: RefundInput,
): { values: Record<string, unknown>; rows: number; refunded: number; grantIds: string[] } {
  const refunds = planRefund(movements);
  return {
    values: movementValues(refunds, refundContext(movements, input)),
    rows: refunds.length,
    grantIds: refunds.map((r) => r.grantId),
    refunded: refunds.reduce((sum, r) => sum + r.amount, 0),
  };
}
