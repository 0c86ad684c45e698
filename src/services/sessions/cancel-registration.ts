import { cancellable } from './live-registrations';
import { sql, type Placeholder } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client';
import type { Actor } from '../../domain/access/roles';
import { decideCancellation } from '../../domain/sessions/decide-cancellation';
import type { RegistrationStatus } from '../../domain/sessions/types';
import { DomainError } from '../../domain/shared/domain-error';
import {
  bookingRefundValues,
  parseRegistrationMovements,
  registrationMovementsJson,
  type BookingMovement,
} from '../credits/refund-credits-for-booking';
import { LOCKED_SESSION_COLUMNS, toLockedSession, type LockedSession } from './lock-session';
import { resyncSession } from './resync-session';
import { promoteFromWaitlist } from './promote-waitlist';
import { inTransaction } from '../../db/in-transaction';
import { asDateOrNull, rowsOf } from '../../db/rows';
import { asOneJsonRow, executePrepared, jsonRowOf, preparedStatement } from '../../db/execute-prepared';

export interface CancellationResult {
  status: 'CANCELLED' | 'LATE_CANCELLED';
  /** Credits given back. */
  refunded: number;
}

interface LiveRegistration {
  id: string;
  user_id: string;
  status: RegistrationStatus;
  promoted_at: Date | null;
  /** Its CONSUME/REFUND ledger rows: what a refund gives back. */
  movements: BookingMovement[];
}

/** A client cancels their own booking or leaves the waitlist. */
export async function cancelMyRegistration(
  db: Database,
  actor: Actor,
  sessionId: string,
  now: Date,
): Promise<CancellationResult> {
  return inTransaction(db, async (tx, attempt) => {
    const { session, registration } = await lockWithRegistration(
      tx,
      sessionId,
      { by: 'user', value: actor.id },
      attempt > 1,
    );
    if (!registration) throw new DomainError('REGISTRATION_NOT_FOUND', 'You are not booked on this class');
    return cancelLocked(tx, session, registration, { by: 'CLIENT', actorId: actor.id }, now);
  });
}

/** A coach or admin takes a client off a class (refunded) or off its waitlist. */
export async function removeRegistration(
  db: Database,
  actor: Actor,
  registrationId: string,
  now: Date,
): Promise<CancellationResult> {
  const found = await db.execute(sql`SELECT session_id FROM session_registrations WHERE id = ${registrationId}::uuid`);
  const sessionId = rowsOf<{ session_id: string }>(found)[0]?.session_id;
  if (!sessionId) throw new DomainError('REGISTRATION_NOT_FOUND', 'No such booking');
  return inTransaction(db, async (tx, attempt) => {
    // Read under the lock: it may have been cancelled while we waited.
    const { session, registration } = await lockWithRegistration(
      tx,
      sessionId,
      { by: 'registration', value: registrationId },
      attempt > 1,
    );
    if (!registration) throw new DomainError('REGISTRATION_NOT_FOUND', 'This booking has already been cancelled');
    return cancelLocked(tx, session, registration, { by: 'STAFF', actorId: actor.id }, now);
  });
}

/** Which live registration a cancellation is about: the caller's own, or one a coach names. */
type RegistrationMatch = { by: 'user' | 'registration'; value: string };
const matchSql = (by: RegistrationMatch['by'], value: string | Placeholder) =>
  by === 'user' ? sql`r.user_id = ${value}` : sql`r.id = ${value}::uuid`;

/** lockWithRegistration's statement, one per kind of match, as one JSON row. */
const lockWithRegistrationStatement = {
  user: lockStatementFor(matchSql('user', sql.placeholder('match'))),
  registration: lockStatementFor(matchSql('registration', sql.placeholder('match'))),
};
function lockStatementFor(match: ReturnType<typeof sql>) {
  return preparedStatement(() =>
    asOneJsonRow(sql`
    SELECT ${LOCKED_SESSION_COLUMNS}, s.xmin::text AS locked_version,
      (SELECT s0.xmin::text FROM sessions s0 WHERE s0.id = ${sql.placeholder('sessionId')}::uuid) AS snapshot_version,
      r.id AS reg_id, r.user_id AS reg_user_id, r.status AS reg_status, r.promoted_at AS reg_promoted_at,
      ${registrationMovementsJson(sql`r.id`)} AS reg_movements
    FROM sessions s
    JOIN class_types ct ON ct.id = s.class_type_id
    LEFT JOIN session_registrations r ON r.session_id = s.id AND ${match} AND ${cancellable('r')}
    WHERE s.id = ${sql.placeholder('sessionId')}::uuid
    FOR UPDATE OF s`),
  );
}

/**
 * Locks the session and reads the registration with its ledger rows in one statement. As for
 * bookings (booking-statements.ts): if the session row's version changed while we waited for its
 * lock (or this is a retry), the registration is read again by a fresh statement; otherwise what
 * we read is current. Every refund of a booking runs under its session's lock, so the ledger
 * rows cannot change behind it.
 */
async function lockWithRegistration(tx: Tx, sessionId: string, match: RegistrationMatch, rereadAfterLocking: boolean) {
  type Row = Parameters<typeof toLockedSession>[0] & {
    locked_version: string;
    snapshot_version: string;
    reg_id: string | null;
    reg_user_id: string;
    reg_status: RegistrationStatus;
    reg_promoted_at: Date | null;
    reg_movements: unknown;
  };
  const row = jsonRowOf<Row>(await lockWithRegistrationStatement[match.by](tx, { sessionId, match: match.value }));
  if (!row) throw new DomainError('SESSION_NOT_FOUND', 'No such class');
  const session = toLockedSession(row);
  if (row.locked_version === row.snapshot_version && !rereadAfterLocking) {
    const registration = row.reg_id
      ? {
          id: row.reg_id,
          user_id: row.reg_user_id,
          status: row.reg_status,
          promoted_at: asDateOrNull(row.reg_promoted_at),
          movements: parseRegistrationMovements(row.reg_movements),
        }
      : null;
    return { session, registration };
  }
  const fresh = await executePrepared(
    tx,
    sql`
    SELECT r.id, r.user_id, r.status, r.promoted_at, ${registrationMovementsJson(sql`r.id`)} AS movements FROM session_registrations r
    WHERE r.session_id = ${sessionId}::uuid AND ${matchSql(match.by, match.value)} AND ${cancellable('r')}`,
  );
  type FreshRow = Omit<LiveRegistration, 'movements'> & { movements: unknown };
  const registration =
    rowsOf<FreshRow>(fresh).map((r) => ({
      ...r,
      promoted_at: asDateOrNull(r.promoted_at),
      movements: parseRegistrationMovements(r.movements),
    }))[0] ?? null;
  return { session, registration };
}

/**
 * Applies a cancellation under the caller's session lock: the refund, then — if a place came
 * free before the start — promotion from the waitlist, then the registration's new status with
 * a recount of the session. All in the caller's transaction.
 */
async function cancelLocked(
  tx: Tx,
  session: LockedSession,
  registration: LiveRegistration,
  by: { by: 'CLIENT' | 'STAFF'; actorId: string },
  now: Date,
): Promise<CancellationResult> {
  const decision = decideCancellation(
    { session, registration: { status: registration.status, promotedAt: registration.promoted_at } },
    { by: by.by },
    now,
  );
  if (decision instanceof DomainError) throw decision;
  // The registration's own status and its refund are written by the final recount statement
  // (round trips fewer); the promotion reads neither (it charges other clients' grants), but
  // locks the refund's grants with its own so both clients' grants are locked in one order.
  const reason = by.by === 'STAFF' ? 'removed by the studio' : 'cancelled in time';
  const refund = decision.refund
    ? bookingRefundValues(registration.movements, { registrationId: registration.id, actorId: by.actorId, reason, now })
    : null;
  if (decision.freesPlace) {
    session.registeredCount -= 1;
    // The refund's grants are locked with the promoted client's, in one sweep (ADR 0008).
    await promoteFromWaitlist(tx, session, by.actorId, now, refund?.grantIds ?? []);
  }
  // Only a booking that held a place left, and nobody waits (so nobody was promoted): the
  // counters move by one; anything else recounts and renumbers the queue.
  const freesPlaceOnly = registration.status === 'REGISTERED' && session.waitlistCount === 0;
  await resyncSession(tx, session.id, now, {
    registrationId: registration.id,
    status: decision.status,
    actorId: by.actorId,
    refund,
    freesPlaceOnly,
  });
  return { status: decision.status, refunded: refund?.refunded ?? 0 };
}
