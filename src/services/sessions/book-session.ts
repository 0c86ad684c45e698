import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client';
import { isStaff, type Actor } from '../../domain/access/roles';
import { planDebit, summarizeUsable } from '../../domain/credits/plan-debit';
import { decideBooking, type BookingState } from '../../domain/sessions/decide-booking';
import type { RegistrationStatus } from '../../domain/sessions/types';
import { ledgerDescriptionForSession } from '../../domain/sessions/ledger-description';
import { DomainError } from '../../domain/shared/domain-error';
import { refuseInactiveUser } from '../../domain/users/refuse-inactive-user';
import { lockAndLoad, writeBooking } from './booking-statements';
import { notifyBookingConfirmed } from './session-notifications';
import { inTransaction, ReadWentStale } from '../../db/in-transaction';

export interface BookingResult {
  registration: { id: string; status: RegistrationStatus; waitlistPosition: number | null };
  /** false when the client already held this booking (nothing changed). */
  created: boolean;
}

/**
 * Books a client into a session (or onto its waitlist). Round trips, all in one transaction:
 * 1. lock the session row, then the client's user row (always in that order, everywhere), and
 *    read the client's live registration, clashing bookings, preferences and usable credit
 *    grants in the same statement (see booking-statements.ts for why that is safe);
 * 2. the pure domain decides: a place (and which grants pay for it), a waitlist spot, or a refusal;
 * 3. one statement debits the grants, writes the ledger, inserts the registration and moves
 *    the session's counter; on PostgreSQL it leaves together with the COMMIT.
 * The session lock serializes every booking, cancellation and promotion of this session, so
 * places and queue positions are never handed out twice; the partial unique index on live
 * registrations backs up "one per client" even if a bug slipped past the lock.
 */
export async function bookSession(
  db: Database,
  actor: Actor,
  input: { sessionId: string; userId?: string },
  now: Date,
): Promise<BookingResult> {
  const userId = input.userId ?? actor.id;
  if (userId !== actor.id && !isStaff(actor))
    throw new DomainError('FORBIDDEN', 'You can only book classes for yourself');
  const byStaff = isStaff(actor) && userId !== actor.id;
  return inTransaction(db, async (tx, attempt) => {
    const { session, facts, client, timeZone, factsMayBeStale } = await lockAndLoad(tx, input.sessionId, userId, {
      rereadAfterLocking: attempt > 1,
    });
    const inactive = byStaff ? refuseInactiveUser(client) : null;
    if (inactive) throw inactive;
    const state: BookingState = {
      session,
      existing: facts.existing,
      hasOverlappingBooking: facts.overlap,
      credits: summarizeUsable(facts.grants),
    };
    const decision = decideBooking(state, { byStaff }, now);
    if (decision instanceof DomainError) throw decision;
    if (decision.kind === 'EXISTING') {
      // It may have been cancelled while we waited for the lock: make sure before saying so.
      if (factsMayBeStale)
        throw new ReadWentStale(new DomainError('CONFLICT', 'This booking changed meanwhile. Please try again.'));
      return { registration: facts.existing!, created: false };
    }

    const debits = decision.kind === 'REGISTER' && decision.cost > 0 ? planDebit(facts.grants, decision.cost) : [];
    // Staff adding a client hear about the client (not "you"), and what they can do instead.
    if (debits instanceof DomainError) throw byStaff ? forStaff(debits, client.name) : debits;
    const registrationId = randomUUID();
    const status = decision.kind === 'REGISTER' ? ('REGISTERED' as const) : ('WAITLISTED' as const);
    const position = decision.kind === 'WAITLIST' ? decision.position : null;
    // Before the write: the write is the transaction's last statement (it goes with the COMMIT).
    if (facts.wantsConfirmation) {
      await notifyBookingConfirmed(tx, { userId, registrationId, session, status, waitlistPosition: position });
    }
    await writeBooking(tx, {
      registrationId,
      sessionId: session.id,
      userId,
      status,
      position,
      debits,
      ledgerDescription: ledgerDescriptionForSession(session, timeZone),
      actorId: actor.id,
      now,
    });
    return { registration: { id: registrationId, status, waitlistPosition: position }, created: true };
  });
}

function forStaff(refusal: DomainError, clientName: string): DomainError {
  const why =
    refusal.code === 'CLASS_TYPE_NOT_ALLOWED'
      ? `${clientName}'s plan does not include this type of class`
      : `${clientName} has no credits left for this class`;
  return new DomainError(refusal.code, `${why}. Add them as a comp or to pay at the desk instead.`);
}
