import type { Tx } from '../../db/client';
import { planDebit, type Debit } from '../../domain/credits/plan-debit';
import { DomainError } from '../../domain/shared/domain-error';
import { loadDebitCandidates } from './debit-candidates';
import { applyMovements, movementValues, type MovementContext } from './ledger-writes';

export interface ConsumeCreditsInput {
  userId: string;
  registrationId: string; // session_registrations.id (uuid) — stored on the ledger rows
  sessionId: string; // sessions.id (uuid) — stored on the ledger rows
  classTypeId: string; // class_types.id — plans may restrict class types
  sessionStart: Date; // must fall inside a grant's [validFrom, validUntil)
  cost: number; // credits, ≥ 1
  actorId: string; // who booked (client or coach)
  description: string; // plain words for the ledger, e.g. "HIIT Mon 06:30"
  now: Date;
  /** Other grants this transaction will change (a refund), locked with the candidates in one sweep. */
  alsoLockGrants?: readonly string[];
}

/**
 * Picks grants (window ends first, then oldest), debits them atomically, writes CONSUME ledger
 * rows. Two round trips: one query locks the candidate grants (in grant id order, with
 * `alsoLockGrants`: ADR 0008), one statement debits them and
 * writes the ledger. Throws INSUFFICIENT_CREDITS or CLASS_TYPE_NOT_ALLOWED (see planDebit).
 * Called inside the booking transaction, with the session row already locked by the caller.
 */
export async function consumeCreditsForBooking(
  tx: Tx,
  input: ConsumeCreditsInput,
): Promise<{ consumed: Array<{ grantId: string; amount: number }> }> {
  const candidates = await loadDebitCandidates(tx, input, true, input.alsoLockGrants);
  const debits = planDebit(candidates, input.cost);
  if (debits instanceof DomainError) throw debits;
  await applyMovements(tx, toMovements(debits), bookingLedgerContext(input));
  return { consumed: debits };
}

type BookingLedgerInput = Pick<ConsumeCreditsInput, 'registrationId' | 'sessionId' | 'actorId' | 'description' | 'now'>;

const toMovements = (debits: readonly Debit[]) => debits.map((d) => ({ grantId: d.grantId, amount: -d.amount }));

const bookingLedgerContext = (input: BookingLedgerInput): MovementContext => ({
  kind: 'CONSUME',
  reasonCode: 'BOOKING',
  description: input.description,
  actorId: input.actorId,
  registrationId: input.registrationId,
  sessionId: input.sessionId,
  now: input.now,
});

/**
 * The values of a booking's debit (planned with planDebit) for movementCtes, in a booking that
 * writes its registration and its credits in one statement: `ledger` then holds one row per
 * debit, or fewer if a grant changed since it was read.
 */
export function bookingDebitValues(debits: readonly Debit[], input: BookingLedgerInput): Record<string, unknown> {
  return movementValues(toMovements(debits), bookingLedgerContext(input));
}

/**
 * The same debit for a 1-on-1 appointment (ADR 0017): grants whose plan covers the service,
 * locked in grant id order (ADR 0008), CONSUME rows carrying the appointment id. A plan that pays
 * only for classes is refused as INSUFFICIENT_CREDITS naming the service.
 */
export async function consumeCreditsForAppointment(
  tx: Tx,
  input: Pick<ConsumeCreditsInput, 'userId' | 'cost' | 'actorId' | 'description' | 'now'> & {
    appointmentId: string;
    serviceId: string;
    serviceName: string;
    startsAt: Date;
  },
): Promise<{ consumed: Array<{ grantId: string; amount: number }> }> {
  const candidates = await loadDebitCandidates(
    tx,
    { userId: input.userId, serviceId: input.serviceId, sessionStart: input.startsAt },
    true,
  );
  const debits = planDebit(candidates, input.cost);
  if (debits instanceof DomainError) {
    if (debits.code !== 'CLASS_TYPE_NOT_ALLOWED') throw debits;
    throw new DomainError('INSUFFICIENT_CREDITS', `None of your plans pays for ${input.serviceName}`, {
      needed: input.cost,
      available: 0,
    });
  }
  await applyMovements(tx, toMovements(debits), {
    kind: 'CONSUME',
    reasonCode: 'APPOINTMENT',
    description: input.description,
    actorId: input.actorId,
    appointmentId: input.appointmentId,
    now: input.now,
  });
  return { consumed: debits };
}
