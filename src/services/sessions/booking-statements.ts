import { ENDED } from './live-registrations';
import { sql, type Placeholder } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import type { Debit, DebitCandidate } from '../../domain/credits/plan-debit';
import type { RegistrationStatus } from '../../domain/sessions/types';
import { resolveSettings } from '../../domain/settings/setting-definitions';
import { DomainError } from '../../domain/shared/domain-error';
import { bookingDebitValues } from '../credits/consume-credits-for-booking';
import { debitCandidatesJson, parseDebitCandidates } from '../credits/debit-candidates';
import { creditsChangedMeanwhile, movementCtes } from '../credits/ledger-writes';
import { LOCKED_SESSION_COLUMNS, toLockedSession, type LockedSession } from './lock-session';
import { ReadWentStale } from '../../db/in-transaction';
import { rowsOf } from '../../db/rows';
import {
  asOneJsonRow,
  executePrepared,
  jsonRowOf,
  preparedStatement,
  preparedStatements,
} from '../../db/execute-prepared';
import { executeFinal } from '../../db/pipelined-transaction';
import { abortOnFirst, abortReason } from '../../db/statement-abort';

/*
 * The SQL of a booking: two statements under the session lock. The first takes the locks and
 * reads the session (as it is now: a locked row is re-read after a wait) and the facts about the
 * client — their live registration here, a clashing booking, their notification choice, their
 * usable credit grants. A statement that waited for the lock sees those other tables as they were
 * when it began, so each fact the outcome rests on is checked again where it is used:
 * - the write (a fresh statement, started after the locks were held) inserts the registration
 *   only if the client still holds none here and still has no clashing booking, and debits the
 *   grants with a guarded update; if one of those moved, the transaction runs again and reads
 *   afresh (ReadWentStale), so a duplicate request ends as "you already hold it";
 * - "you already hold it" itself is trusted only if the session row's version (xmin) at the
 *   statement's start equals the version it locked: every change to a session's registrations
 *   rewrites that row under the lock, so equal versions mean nothing changed in between.
 * In a class drop every waiter sees a changed version, and this saves it a round trip under the
 * lock compared with reading the facts again.
 */

export interface ClientFacts {
  existing: { id: string; status: RegistrationStatus; waitlistPosition: number | null } | null;
  overlap: boolean;
  wantsConfirmation: boolean;
  /** The client's grants that could pay for this session. */
  grants: DebitCandidate[];
}

const overlapOf = (userId: string | Placeholder, sessionSql: ReturnType<typeof sql>) => sql`EXISTS (
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
  grants: unknown;
}

const toFacts = (row: FactRow): ClientFacts => ({
  existing: row.existing_id
    ? {
        id: row.existing_id,
        status: row.existing_status!,
        waitlistPosition: row.existing_position === null ? null : Number(row.existing_position),
      }
    : null,
  overlap: row.overlap === true,
  wantsConfirmation: row.wants_confirmation === true,
  grants: parseDebitCandidates(row.grants),
});

/** lockAndLoad's statement: the locks and every fact, as one JSON row. */
const lockAndLoadStatement = preparedStatement(() =>
  asOneJsonRow(sql`
    SELECT ${LOCKED_SESSION_COLUMNS},
      s.xmin::text AS locked_version,
      (SELECT s0.xmin::text FROM sessions s0 WHERE s0.id = ${sql.placeholder('sessionId')}::uuid) AS snapshot_version,
      u.banned AS client_banned, u.name AS client_name,
      mine.id AS existing_id, mine.status AS existing_status, mine.waitlist_position AS existing_position,
      (SELECT ${overlapOf(sql.placeholder('userId'), sql`sessions`)} WHERE this.id = s.id) AS overlap,
      COALESCE((SELECT p.booking_confirmations FROM session_notification_preferences p WHERE p.user_id = u.id), false) AS wants_confirmation,
      ${debitCandidatesJson(sql`u.id`, sql`s.class_type_id`, sql`s.start_time`)} AS grants,
      (SELECT st.value FROM system_settings st WHERE st.key = 'studio.timezone') AS time_zone
    FROM sessions s
    JOIN class_types ct ON ct.id = s.class_type_id
    JOIN "user" u ON u.id = ${sql.placeholder('userId')}
    LEFT JOIN session_registrations mine ON mine.session_id = s.id AND mine.user_id = u.id AND mine.status NOT IN ${ENDED}
    WHERE s.id = ${sql.placeholder('sessionId')}::uuid
    FOR UPDATE OF s FOR NO KEY UPDATE OF u`),
);

/**
 * One round trip: lock the session row, then the client's row (the order every path uses), and
 * read the facts, the client's usable grants and the studio time zone (for the ledger's words).
 */
export async function lockAndLoad(
  tx: Tx,
  sessionId: string,
  userId: string,
  options: { rereadAfterLocking: boolean },
): Promise<{
  session: LockedSession;
  facts: ClientFacts;
  client: { name: string; active: boolean };
  timeZone: string;
  factsMayBeStale: boolean;
}> {
  type LockedRow = Parameters<typeof toLockedSession>[0] &
    FactRow & {
      locked_version: string;
      snapshot_version: string;
      time_zone: unknown;
      client_banned: boolean | null;
      client_name: string;
    };
  const row = jsonRowOf<LockedRow>(await lockAndLoadStatement(tx, { sessionId, userId }));
  if (!row) {
    const check = await tx.execute(sql`SELECT EXISTS (SELECT 1 FROM sessions WHERE id = ${sessionId}::uuid) AS found`);
    if (rowsOf<{ found: boolean }>(check)[0]?.found) throw new DomainError('USER_NOT_FOUND', 'No such client');
    throw new DomainError('SESSION_NOT_FOUND', 'No such class');
  }
  const session = toLockedSession(row);
  const timeZone = resolveSettings(row.time_zone === null ? [] : [{ key: 'studio.timezone', value: row.time_zone }])[
    'studio.timezone'
  ];
  // Read under the client row's lock, which deactivation also takes: it cannot change meanwhile.
  const client = { name: row.client_name, active: row.client_banned !== true };
  if (!options.rereadAfterLocking)
    return {
      session,
      facts: toFacts(row),
      client,
      timeZone,
      factsMayBeStale: row.locked_version !== row.snapshot_version,
    };
  return { session, facts: await reloadFacts(tx, session, userId), client, timeZone, factsMayBeStale: false };
}

/** The facts again, in a statement that starts after the locks are held (so it sees the latest commits). */
async function reloadFacts(tx: Tx, session: LockedSession, userId: string): Promise<ClientFacts> {
  const sessionId = session.id;
  const result = await executePrepared(
    tx,
    sql`
    SELECT mine.id AS existing_id, mine.status AS existing_status, mine.waitlist_position AS existing_position,
      (SELECT ${overlapOf(userId, sql`sessions`)} WHERE this.id = ${sessionId}::uuid) AS overlap,
      COALESCE((SELECT p.booking_confirmations FROM session_notification_preferences p WHERE p.user_id = ${userId}), false) AS wants_confirmation,
      ${debitCandidatesJson(sql`${userId}`, sql`${session.classTypeId}::uuid`, sql`${session.startTime.toISOString()}::timestamptz`)} AS grants
    FROM (SELECT 1) AS one
    LEFT JOIN session_registrations mine
      ON mine.session_id = ${sessionId}::uuid AND mine.user_id = ${userId} AND mine.status NOT IN ${ENDED}`,
  );
  return toFacts(rowsOf<FactRow>(result)[0]!);
}

export interface BookingWrite {
  registrationId: string;
  sessionId: string;
  userId: string;
  status: 'REGISTERED' | 'WAITLISTED';
  position: number | null;
  /** The grants that pay for a place (planDebit), none for a waitlist spot. */
  debits: readonly Debit[];
  /** Plain words for the ledger, e.g. "HIIT Mon 23 Nov 06:30". */
  ledgerDescription: string;
  actorId: string;
  now: Date;
}

/** writeBooking's statement, for the number of grants it debits (none for a waitlist spot). */
const writeBookingStatement = preparedStatements((debits) => {
  const value = (name: string) => sql.placeholder(name);
  return sql`
    WITH ${movementCtes(debits)},
    held AS (
      SELECT EXISTS (
        SELECT 1 FROM session_registrations
        WHERE session_id = ${value('sessionId')}::uuid AND user_id = ${value('userId')} AND status NOT IN ${ENDED}
      ) AS already
    ), reg AS (
      INSERT INTO session_registrations
        (id, session_id, user_id, status, waitlist_position, credits_consumed, booked_by, registered_at, updated_at)
      SELECT ${value('registrationId')}::uuid, ${value('sessionId')}::uuid, ${value('userId')}, ${value('status')}, ${value('position')}::int,
        ${value('cost')}::int, ${value('actorId')}, ${value('at')}::timestamptz, ${value('at')}::timestamptz
      WHERE NOT (SELECT already FROM held)
        AND NOT (SELECT ${overlapOf(value('userId'), sql`sessions`)} WHERE this.id = ${value('sessionId')}::uuid)
      RETURNING id
    ), booked AS (
      UPDATE sessions SET
        registered_count = registered_count + ${value('placesTaken')}::int,
        waitlist_count = waitlist_count + ${value('spotsTaken')}::int,
        updated_at = ${value('at')}::timestamptz
      WHERE id = ${value('sessionId')}::uuid AND EXISTS (SELECT 1 FROM reg)
      RETURNING id
    )
    SELECT ${abortOnFirst([
      // Booked meanwhile by a request of the same client: run again, to answer with that booking.
      { when: sql`(SELECT already FROM held)`, reason: 'ALREADY_HELD' },
      { when: sql`(SELECT count(*) FROM booked) <> 1`, reason: 'OVERLAPPING_BOOKING' },
      { when: sql`(SELECT count(*) FROM ledger) <> ${value('ledgerRows')}::int`, reason: 'CREDITS_CHANGED' },
    ])} AS written`;
});

/**
 * One statement, the transaction's last: debit the credits and write their ledger rows, insert
 * the registration — unless the client now holds one here or a clashing booking (checked in this
 * fresh statement) — and move the session's counter. Every check that fails aborts the statement
 * (statement-abort.ts), so it can travel with the COMMIT: a clash that appeared since the facts
 * were read refuses with OVERLAPPING_BOOKING; a registration or grant that changed since makes
 * the transaction run again (ReadWentStale). Either way nothing of it is kept.
 */
export async function writeBooking(tx: Tx, input: BookingWrite): Promise<void> {
  const registered = input.status === 'REGISTERED';
  const debitValues = bookingDebitValues(input.debits, {
    registrationId: input.registrationId,
    sessionId: input.sessionId,
    actorId: input.actorId,
    description: input.ledgerDescription,
    now: input.now,
  });
  try {
    await executeFinal(tx, writeBookingStatement(input.debits.length), {
      ...debitValues,
      sessionId: input.sessionId,
      userId: input.userId,
      registrationId: input.registrationId,
      status: input.status,
      position: input.position,
      cost: input.debits.reduce((sum, d) => sum + d.amount, 0),
      actorId: input.actorId,
      at: input.now.toISOString(),
      placesTaken: registered ? 1 : 0,
      spotsTaken: registered ? 0 : 1,
      ledgerRows: input.debits.length,
    });
  } catch (error) {
    const reason = abortReason(error);
    if (reason === 'ALREADY_HELD')
      throw new ReadWentStale(new DomainError('CONFLICT', 'This booking changed meanwhile. Please try again.'));
    if (reason === 'OVERLAPPING_BOOKING')
      throw new DomainError('OVERLAPPING_BOOKING', 'You already have a class booked at this time');
    if (reason === 'CREDITS_CHANGED') throw new ReadWentStale(creditsChangedMeanwhile());
    throw error;
  }
}
