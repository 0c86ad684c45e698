import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { preparedStatements } from '../../db/execute-prepared';
import { executeFinal } from '../../db/pipelined-transaction';
import { abortOnFirst, abortReason } from '../../db/statement-abort';
import { creditsChangedMeanwhile, movementCtes, noMovementValues } from '../credits/ledger-writes';
import { ReadWentStale } from '../../db/in-transaction';

const value = (name: string) => sql.placeholder(name);

/** The cancellation (none when its id is null) and its refund (movementCtes, of `refunds` grants). */
const cancellationCtes = (refunds: number) => sql`${movementCtes(refunds)},
    cancelled AS (
      UPDATE session_registrations
      SET status = ${value('cancelledStatus')}, waitlist_position = NULL, cancelled_at = ${value('at')}::timestamptz,
          cancelled_by = ${value('cancelledBy')}, updated_at = ${value('at')}::timestamptz
      WHERE id = ${value('cancelledId')}::uuid
      RETURNING id
    )`;
const refundWritten = abortOnFirst([
  { when: sql`(SELECT count(*) FROM ledger) <> ${value('refundRows')}::int`, reason: 'CREDITS_CHANGED' },
]);

/** A booking that held a place left and nobody waits: the place count moves down by one. */
const freePlaceStatement = preparedStatements(
  (refunds) => sql`
    WITH ${cancellationCtes(refunds)}
    UPDATE sessions SET registered_count = registered_count - (SELECT count(*) FROM cancelled), updated_at = ${value('at')}::timestamptz
    WHERE id = ${value('sessionId')}::uuid
    RETURNING ${refundWritten} AS written`,
);

/** Anything else: recount the places and renumber the queue 1..n in its order. */
const recountStatement = preparedStatements(
  (refunds) => sql`
    WITH ${cancellationCtes(refunds)}, queue AS (
      SELECT id, row_number() OVER (ORDER BY waitlist_position, registered_at, id) AS position
      FROM session_registrations
      WHERE session_id = ${value('sessionId')}::uuid AND status = 'WAITLISTED' AND id IS DISTINCT FROM ${value('cancelledId')}::uuid
    ), renumbered AS (
      UPDATE session_registrations r SET waitlist_position = queue.position, updated_at = ${value('at')}::timestamptz
      FROM queue WHERE r.id = queue.id AND r.waitlist_position <> queue.position
      RETURNING r.id
    )
    UPDATE sessions SET
      registered_count = (SELECT count(*) FROM session_registrations
        WHERE session_id = ${value('sessionId')}::uuid AND status IN ('REGISTERED', 'ATTENDED', 'NO_SHOW') AND id IS DISTINCT FROM ${value('cancelledId')}::uuid),
      waitlist_count = (SELECT count(*) FROM queue),
      updated_at = ${value('at')}::timestamptz
    WHERE id = ${value('sessionId')}::uuid
    RETURNING ${refundWritten} AS written`,
);

export interface Cancellation {
  registrationId: string;
  status: 'CANCELLED' | 'LATE_CANCELLED';
  actorId: string;
  /** The refund as movementCtes' values and the number of ledger rows it must write; null when nothing is owed. */
  refund?: { values: Record<string, unknown>; rows: number } | null;
  /** The cancelled booking held a place and nobody waits: the lighter statement does. */
  freesPlaceOnly?: boolean;
}

/**
 * Recounts a session's places and waitlist from its registrations and closes gaps in the
 * waitlist (positions 1..n in queue order) — one statement, run under the session lock after
 * anything other than a plain booking changed the session's registrations. `cancel` applies a
 * cancellation in the same statement (the recount leaves that registration out, as the
 * statement's other parts cannot see its own update), and its refund (credits area CTEs),
 * saving round trips per cancellation. When the cancelled booking held a place and nobody waits
 * (`freesPlaceOnly`, the common case), the place count moves down by one, as a booking moves it
 * up by one, and the queue is left alone: a lighter statement. A cancellation's statement is its
 * transaction's last and goes with the COMMIT (pipelined-transaction.ts); if the refund could
 * not be written whole it aborts itself and the transaction runs again (ReadWentStale).
 * Each statement is compiled once per number of grants refunded (preparedStatements); a missing
 * part runs empty.
 */
export async function resyncSession(tx: Tx, sessionId: string, now: Date, cancel?: Cancellation): Promise<void> {
  const refunds = cancel?.refund?.rows ?? 0;
  const values = {
    ...(cancel?.refund?.values ?? noMovementValues),
    refundRows: refunds,
    sessionId,
    at: now.toISOString(),
    cancelledId: cancel?.registrationId ?? null,
    cancelledStatus: cancel?.status ?? null,
    cancelledBy: cancel?.actorId ?? null,
  };
  const statement = (cancel?.freesPlaceOnly ? freePlaceStatement : recountStatement)(refunds);
  try {
    await (cancel ? executeFinal(tx, statement, values) : statement(tx, values));
  } catch (error) {
    if (abortReason(error) === 'CREDITS_CHANGED') throw new ReadWentStale(creditsChangedMeanwhile());
    throw error;
  }
}
