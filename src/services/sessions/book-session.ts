import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client';
import { isStaff, type Actor } from '../../domain/access/roles';
import { decideBooking, type BookingState } from '../../domain/sessions/decide-booking';
import type { RegistrationStatus } from '../../domain/sessions/types';
import { DomainError } from '../../domain/shared/domain-error';
import { consumeCreditsForBooking } from '../credits/consume-credits-for-booking';
import { countUsableCredits } from '../credits/count-usable-credits';
import { LOCKED_SESSION_COLUMNS, toLockedSession, type LockedSession } from './lock-session';
import { notifyBookingConfirmed } from './session-notifications';
import { inTransaction, rowsOf } from './transaction';

export interface BookingResult {
  registration: { id: string; status: RegistrationStatus; waitlistPosition: number | null };
  /** false when the client already held this booking (nothing changed). */
  created: boolean;
}

/**
 * Books a client into a session (or onto its waitlist). Round trips, all in one transaction:
 * 1. lock the session row, then the client's user row (always in that order, everywhere);
 * 2. load the client's live registration, clashing bookings and preferences (a new statement,
 *    so it sees everything committed by whoever held the locks before us);
 * 3. the pure domain decides; credits are consumed (credits area, 2 statements) for a place,
 *    or checked for a waitlist spot;
 * 4. one statement inserts the registration and moves the session's counter.
 * The session lock serializes every booking, cancellation and promotion of this session, so
 * places and queue positions are never handed out twice; the partial unique index on live
 * registrations backs up "one per client" even if a bug slipped past the lock.
 */
export async function bookSession(db: Database, actor: Actor, input: { sessionId: string; userId?: string }, now: Date): Promise<BookingResult> {
  const userId = input.userId ?? actor.id;
  if (userId !== actor.id && !isStaff(actor)) throw new DomainError('FORBIDDEN', 'You can only book classes for yourself');
  const byStaff = isStaff(actor) && userId !== actor.id;
  return inTransaction(db, async (tx) => {
    const session = await lockSessionAndClient(tx, input.sessionId, userId);
    const facts = await loadClientFacts(tx, session, userId);
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
    const registered = decision.kind === 'REGISTER';
    const cost = decision.kind === 'REGISTER' ? decision.cost : 0;
    const position = decision.kind === 'WAITLIST' ? decision.position : null;
    if (cost > 0) {
      await consumeCreditsForBooking(tx, {
        userId,
        registrationId,
        sessionId: session.id,
        classTypeId: session.classTypeId,
        sessionStart: session.startTime,
        cost,
        actorId: actor.id,
        description: `${session.title} ${session.startTime.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        now,
      });
    }
    const registration = {
      id: registrationId,
      status: (registered ? 'REGISTERED' : 'WAITLISTED') as RegistrationStatus,
      waitlistPosition: position,
    };
    await tx.execute(sql`
      WITH reg AS (
        INSERT INTO session_registrations
          (id, session_id, user_id, status, waitlist_position, credits_consumed, booked_by, registered_at, updated_at)
        VALUES (${registrationId}::uuid, ${session.id}::uuid, ${userId}, ${registration.status}, ${registration.waitlistPosition},
          ${cost}, ${actor.id}, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
        RETURNING id
      )
      UPDATE sessions SET
        registered_count = registered_count + ${registered ? 1 : 0},
        waitlist_count = waitlist_count + ${registered ? 0 : 1},
        updated_at = ${now.toISOString()}::timestamptz
      WHERE id = ${session.id}::uuid AND EXISTS (SELECT 1 FROM reg)`);
    if (facts.wantsConfirmation) {
      await notifyBookingConfirmed(tx, { userId, registrationId, session, status: registered ? 'REGISTERED' : 'WAITLISTED', waitlistPosition: registration.waitlistPosition });
    }
    return { registration, created: true };
  });
}

/** Step 1: the session row, then the client's row, locked in one statement (in that order). */
async function lockSessionAndClient(tx: Tx, sessionId: string, userId: string): Promise<LockedSession> {
  const result = await tx.execute(sql`
    SELECT ${LOCKED_SESSION_COLUMNS}
    FROM sessions s
    JOIN class_types ct ON ct.id = s.class_type_id
    JOIN "user" u ON u.id = ${userId}
    WHERE s.id = ${sessionId}::uuid
    FOR UPDATE OF s FOR NO KEY UPDATE OF u`);
  const row = rowsOf<Parameters<typeof toLockedSession>[0]>(result)[0];
  if (row) return toLockedSession(row);
  const check = await tx.execute(sql`SELECT EXISTS (SELECT 1 FROM sessions WHERE id = ${sessionId}::uuid) AS found`);
  if (rowsOf<{ found: boolean }>(check)[0]?.found) throw new DomainError('USER_NOT_FOUND', 'No such client');
  throw new DomainError('SESSION_NOT_FOUND', 'No such class');
}

/** Step 2: everything else the rule needs about this client, in one statement. */
async function loadClientFacts(tx: Tx, session: LockedSession, userId: string) {
  const result = await tx.execute(sql`
    SELECT r.id AS existing_id, r.status AS existing_status, r.waitlist_position AS existing_position,
      EXISTS (
        SELECT 1 FROM session_registrations o JOIN sessions os ON os.id = o.session_id
        WHERE o.user_id = ${userId} AND o.status = 'REGISTERED' AND os.status = 'SCHEDULED' AND os.id <> ${session.id}::uuid
          AND os.start_time < ${session.endTime.toISOString()}::timestamptz AND os.end_time > ${session.startTime.toISOString()}::timestamptz
      ) AS overlap,
      COALESCE((SELECT p.booking_confirmations FROM session_notification_preferences p WHERE p.user_id = ${userId}), false) AS wants_confirmation
    FROM (SELECT 1) AS one
    LEFT JOIN session_registrations r
      ON r.session_id = ${session.id}::uuid AND r.user_id = ${userId} AND r.status NOT IN ('CANCELLED', 'LATE_CANCELLED')`);
  const row = rowsOf<{
    existing_id: string | null;
    existing_status: RegistrationStatus | null;
    existing_position: number | null;
    overlap: boolean;
    wants_confirmation: boolean;
  }>(result)[0]!;
  return {
    existing: row.existing_id
      ? { id: row.existing_id, status: row.existing_status!, waitlistPosition: row.existing_position === null ? null : Number(row.existing_position) }
      : null,
    overlap: row.overlap === true,
    wantsConfirmation: row.wants_confirmation === true,
  };
}
