import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import type { RegistrationStatus } from '../../domain/sessions/types';
import { DomainError } from '../../domain/shared/domain-error';
import { LOCKED_SESSION_COLUMNS, toLockedSession, type LockedSession } from './lock-session';
import { rowsOf } from './transaction';

/*
 * The SQL of a booking. The facts about the client (their live registration here, a clashing
 * booking, their notification choice) are read in the same statement that takes the locks. That
 * is only safe because of two checks:
 * - A statement that waited for the session lock sees other tables as they were when it began,
 *   but the session row as it is now. Every change to a session's registrations also rewrites
 *   the session row under this lock, so if the row's version (xmin) at the statement's start
 *   equals the version it locked, nobody changed this session's registrations in between and the
 *   facts are current; otherwise they are read again (under contention only, e.g. a class drop).
 * - Clashes involve *other* sessions, serialized by the client's user-row lock, whose waits the
 *   version check cannot see: the write re-checks the clash in its own (fresh) statement.
 */

export interface ClientFacts {
  existing: { id: string; status: RegistrationStatus; waitlistPosition: number | null } | null;
  overlap: boolean;
  wantsConfirmation: boolean;
}

const overlapOf = (userId: string, sessionSql: ReturnType<typeof sql>) => sql`EXISTS (
  SELECT 1 FROM session_registrations o JOIN sessions os ON os.id = o.session_id
  WHERE o.user_id = ${userId} AND o.status = 'REGISTERED' AND os.status = 'SCHEDULED' AND os.id <> this.id
    AND os.start_time < this.end_time AND os.end_time > this.start_time
) FROM ${sessionSql} AS this`;

interface FactRow {
  existing_id: string | null;
  existing_status: RegistrationStatus | null;
  existing_position: number | null;
  overlap: boolean;
  wants_confirmation: boolean;
}

const toFacts = (row: FactRow): ClientFacts => ({
  existing: row.existing_id
    ? { id: row.existing_id, status: row.existing_status!, waitlistPosition: row.existing_position === null ? null : Number(row.existing_position) }
    : null,
  overlap: row.overlap === true,
  wantsConfirmation: row.wants_confirmation === true,
});

/** One round trip: lock the session row, then the client's row (the order every path uses), and read the facts. */
export async function lockAndLoad(tx: Tx, sessionId: string, userId: string): Promise<{ session: LockedSession; facts: ClientFacts }> {
  const result = await tx.execute(sql`
    SELECT ${LOCKED_SESSION_COLUMNS},
      s.xmin::text AS locked_version,
      (SELECT s0.xmin::text FROM sessions s0 WHERE s0.id = ${sessionId}::uuid) AS snapshot_version,
      mine.id AS existing_id, mine.status AS existing_status, mine.waitlist_position AS existing_position,
      (SELECT ${overlapOf(userId, sql`sessions`)} WHERE this.id = s.id) AS overlap,
      COALESCE((SELECT p.booking_confirmations FROM session_notification_preferences p WHERE p.user_id = u.id), false) AS wants_confirmation
    FROM sessions s
    JOIN class_types ct ON ct.id = s.class_type_id
    JOIN "user" u ON u.id = ${userId}
    LEFT JOIN session_registrations mine ON mine.session_id = s.id AND mine.user_id = u.id AND mine.status NOT IN ('CANCELLED', 'LATE_CANCELLED')
    WHERE s.id = ${sessionId}::uuid
    FOR UPDATE OF s FOR NO KEY UPDATE OF u`);
  const row = rowsOf<Parameters<typeof toLockedSession>[0] & FactRow & { locked_version: string; snapshot_version: string }>(result)[0];
  if (!row) {
    const check = await tx.execute(sql`SELECT EXISTS (SELECT 1 FROM sessions WHERE id = ${sessionId}::uuid) AS found`);
    if (rowsOf<{ found: boolean }>(check)[0]?.found) throw new DomainError('USER_NOT_FOUND', 'No such client');
    throw new DomainError('SESSION_NOT_FOUND', 'No such class');
  }
  const session = toLockedSession(row);
  if (row.locked_version === row.snapshot_version) return { session, facts: toFacts(row) };
  return { session, facts: await reloadFacts(tx, session.id, userId) };
}

/** The facts again, in a statement that starts after the locks are held (so it sees the latest commits). */
async function reloadFacts(tx: Tx, sessionId: string, userId: string): Promise<ClientFacts> {
  const result = await tx.execute(sql`
    SELECT mine.id AS existing_id, mine.status AS existing_status, mine.waitlist_position AS existing_position,
      (SELECT ${overlapOf(userId, sql`sessions`)} WHERE this.id = ${sessionId}::uuid) AS overlap,
      COALESCE((SELECT p.booking_confirmations FROM session_notification_preferences p WHERE p.user_id = ${userId}), false) AS wants_confirmation
    FROM (SELECT 1) AS one
    LEFT JOIN session_registrations mine
      ON mine.session_id = ${sessionId}::uuid AND mine.user_id = ${userId} AND mine.status NOT IN ('CANCELLED', 'LATE_CANCELLED')`);
  return toFacts(rowsOf<FactRow>(result)[0]!);
}

/**
 * One statement: insert the registration — unless a clashing booking exists now (checked in this
 * fresh statement) — and move the session's counter. Refuses with OVERLAPPING_BOOKING when the
 * clash appeared since the facts were read; the caller's transaction (credits included) rolls back.
 */
export async function writeBooking(
  tx: Tx,
  input: { registrationId: string; sessionId: string; userId: string; status: 'REGISTERED' | 'WAITLISTED'; position: number | null; cost: number; actorId: string; now: Date },
): Promise<void> {
  const at = input.now.toISOString();
  const registered = input.status === 'REGISTERED';
  const result = await tx.execute(sql`
    WITH reg AS (
      INSERT INTO session_registrations
        (id, session_id, user_id, status, waitlist_position, credits_consumed, booked_by, registered_at, updated_at)
      SELECT ${input.registrationId}::uuid, ${input.sessionId}::uuid, ${input.userId}, ${input.status}, ${input.position}::int,
        ${input.cost}::int, ${input.actorId}, ${at}::timestamptz, ${at}::timestamptz
      WHERE NOT (SELECT ${overlapOf(input.userId, sql`sessions`)} WHERE this.id = ${input.sessionId}::uuid)
      RETURNING id
    )
    UPDATE sessions SET
      registered_count = registered_count + ${registered ? 1 : 0},
      waitlist_count = waitlist_count + ${registered ? 0 : 1},
      updated_at = ${at}::timestamptz
    WHERE id = ${input.sessionId}::uuid AND EXISTS (SELECT 1 FROM reg)
    RETURNING id`);
  if (rowsOf(result).length !== 1) throw new DomainError('OVERLAPPING_BOOKING', 'You already have a class booked at this time');
}
