import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client';
import { isStaff, type Actor } from '../../domain/access/roles';
import { decideBooking, type BookingState } from '../../domain/sessions/decide-booking';
import type { RegistrationStatus } from '../../domain/sessions/types';
import { ledgerDescriptionForSession } from '../../domain/sessions/ledger-description';
import { DomainError } from '../../domain/shared/domain-error';
import { consumeCreditsForBooking } from '../credits/consume-credits-for-booking';
import { countUsableCredits } from '../credits/count-usable-credits';
import { loadSettings } from '../settings/settings-service';
import { lockAndLoad, writeBooking } from './booking-statements';
import { notifyBookingConfirmed } from './session-notifications';
import { inTransaction } from './transaction';

export interface BookingResult {
  registration: { id: string; status: RegistrationStatus; waitlistPosition: number | null };
  /** false when the client already held this booking (nothing changed). */
  created: boolean;
}

/**
 * Books a client into a session (or onto its waitlist). Round trips, all in one transaction:
 * 1. lock the session row, then the client's user row (always in that order, everywhere), and
 *    read the client's live registration, clashing bookings and preferences in the same
 *    statement (see booking-statements.ts for why that is safe);
 * 2. the pure domain decides; credits are consumed (credits area, 2 statements) for a place,
 *    or checked for a waitlist spot;
 * 3. one statement inserts the registration and moves the session's counter.
 * The session lock serializes every booking, cancellation and promotion of this session, so
 * places and queue positions are never handed out twice; the partial unique index on live
 * registrations backs up "one per client" even if a bug slipped past the lock.
 */
export async function bookSession(db: Database, actor: Actor, input: { sessionId: string; userId?: string }, now: Date): Promise<BookingResult> {
  const userId = input.userId ?? actor.id;
  if (userId !== actor.id && !isStaff(actor)) throw new DomainError('FORBIDDEN', 'You can only book classes for yourself');
  const byStaff = isStaff(actor) && userId !== actor.id;
  return inTransaction(db, async (tx) => {
    const { session, facts } = await lockAndLoad(tx, input.sessionId, userId);
    const state: BookingState = { session, existing: facts.existing, hasOverlappingBooking: facts.overlap, credits: 'not-loaded' };
    let decision = decideBooking(state, { byStaff }, now);
    if (!(decision instanceof DomainError) && decision.kind === 'NEEDS_CREDITS') {
      state.credits = await countUsableCredits(tx, { userId, classTypeId: session.classTypeId, sessionStart: session.startTime, now });
      decision = decideBooking(state, { byStaff }, now);
    }
    if (decision instanceof DomainError) throw decision;
    if (decision.kind === 'EXISTING') return { registration: facts.existing!, created: false };
    if (decision.kind === 'NEEDS_CREDITS') throw new Error('credits were loaded');

    const registrationId = randomUUID();
    const status = decision.kind === 'REGISTER' ? ('REGISTERED' as const) : ('WAITLISTED' as const);
    const cost = decision.kind === 'REGISTER' ? decision.cost : 0;
    const position = decision.kind === 'WAITLIST' ? decision.position : null;
    if (cost > 0) {
      const timeZone = (await loadSettings(tx))['studio.timezone'];
      await consumeCreditsForBooking(tx, {
        userId,
        registrationId,
        sessionId: session.id,
        classTypeId: session.classTypeId,
        sessionStart: session.startTime,
        cost,
        actorId: actor.id,
        description: ledgerDescriptionForSession(session, timeZone),
        now,
      });
    }
    await writeBooking(tx, { registrationId, sessionId: session.id, userId, status, position, cost, actorId: actor.id, now });
    if (facts.wantsConfirmation) {
      await notifyBookingConfirmed(tx, { userId, registrationId, session, status, waitlistPosition: position });
    }
    return { registration: { id: registrationId, status, waitlistPosition: position }, created: true };
  });
}
