import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { DomainError } from '../../domain/shared/domain-error';
import { rowsOf } from '../../db/rows';
import { preparedStatements } from '../../db/execute-prepared';
import type { LedgerKind as DomainLedgerKind } from '../../domain/credits/plan-types';

export type LedgerKind = Exclude<DomainLedgerKind, 'COMP'>;

export interface Movement {
  grantId: string;
  /** Signed: negative takes credits from the grant, positive gives them back. */
  amount: number;
}

export interface MovementContext {
  kind: LedgerKind;
  reasonCode: string;
  description: string;
  actorId: string | null;
  registrationId?: string | null;
  sessionId?: string | null;
  /** The 1-on-1 appointment the credits pay for or come back from (ADR 0017). */
  appointmentId?: string | null;
  now: Date;
}

/**
 * The common table expressions that move credits on existing grants and write their ledger rows:
 * `moves`, `moved` (grants updated) and `ledger` (rows written, RETURNING grant_id). A grant is
 * only touched while it stays within 0..amount, so `ledger` has fewer rows than the movements
 * when a concurrent change got there first; the caller must then refuse the whole transaction.
 * Composable: a booking writes these and its registration in one statement.
 * Written with placeholders for `count` movements (fill them with `movementValues`), so a
 * statement that holds it is compiled once per count (preparedStatements). The movements are a
 * VALUES list, not an unnest of arrays: the planner then knows how many grants it looks up and
 * keeps the primary-key index (for an array it guesses ten, and on a small table scans it).
 */
export function movementCtes(count: number): SQL {
  const rows = Array.from(
    { length: count },
    (_, i) => sql`(${sql.placeholder(`moveGrant${i}`)}::uuid, ${sql.placeholder(`moveAmount${i}`)}::int)`,
  );
  const moves = count > 0 ? sql`VALUES ${sql.join(rows, sql`, `)}` : sql`SELECT NULL::uuid, NULL::int WHERE false`;
  return sql`moves (grant_id, amount) AS (${moves}),
    moved AS (
      UPDATE credit_grants g SET remaining = g.remaining + moves.amount
      FROM moves
      WHERE g.id = moves.grant_id AND g.remaining + moves.amount BETWEEN 0 AND g.amount
      RETURNING g.id, g.user_id, moves.amount
    ),
    ledger AS (
      INSERT INTO credit_transactions
        (user_id, grant_id, kind, amount, reason_code, description, registration_id, session_id, appointment_id, actor_id, created_at)
      SELECT moved.user_id, moved.id, ${sql.placeholder('ledgerKind')}, moved.amount, ${sql.placeholder('ledgerReasonCode')},
        ${sql.placeholder('ledgerDescription')}, ${sql.placeholder('ledgerRegistrationId')}::uuid, ${sql.placeholder('ledgerSessionId')}::uuid,
        ${sql.placeholder('ledgerAppointmentId')}::uuid, ${sql.placeholder('ledgerActorId')}, ${sql.placeholder('ledgerAt')}::timestamptz
      FROM moved
      RETURNING grant_id
    )`;
}

/** The values of movementCtes' placeholders (for `movements.length` movements). */
export function movementValues(movements: readonly Movement[], context: MovementContext): Record<string, unknown> {
  const values: Record<string, unknown> = {
    ledgerKind: context.kind,
    ledgerReasonCode: context.reasonCode,
    ledgerDescription: context.description,
    ledgerRegistrationId: context.registrationId ?? null,
    ledgerSessionId: context.sessionId ?? null,
    ledgerAppointmentId: context.appointmentId ?? null,
    ledgerActorId: context.actorId,
    ledgerAt: context.now.toISOString(),
  };
  // In ascending grant id: the UPDATE visits the VALUES rows in this order (a nested loop over
  // them, by primary key), so its row locks follow the one order every path uses (ADR 0008).
  const inLockOrder = [...movements].sort((a, b) => (a.grantId < b.grantId ? -1 : a.grantId > b.grantId ? 1 : 0));
  inLockOrder.forEach((m, i) => {
    values[`moveGrant${i}`] = m.grantId;
    values[`moveAmount${i}`] = m.amount;
  });
  return values;
}

const applyMovementsStatement = preparedStatements(
  (count: number) => sql`WITH ${movementCtes(count)} SELECT grant_id FROM ledger`,
);

/**
 * Moves credits on existing grants and writes their ledger rows in ONE statement, so the cached
 * `remaining` and the ledger can never disagree. If any grant is missed (a concurrent change
 * got there first) the whole transaction is refused instead of half-written. Callers lock the
 * grants before deciding.
 */
export async function applyMovements(tx: Tx, movements: readonly Movement[], context: MovementContext): Promise<void> {
  if (movements.length === 0) return;
  const result = await applyMovementsStatement(movements.length)(tx, movementValues(movements, context));
  if (rowsOf(result).length !== movements.length) throw creditsChangedMeanwhile();
}

export const creditsChangedMeanwhile = () =>
  new DomainError('INSUFFICIENT_CREDITS', 'Those credits were just used by another change. Please try again.');

/** movementCtes' values for a statement that moves nothing this time. */
export const noMovementValues: Readonly<Record<string, unknown>> = movementValues([], {
  kind: 'REFUND',
  reasonCode: 'NONE',
  description: '',
  actorId: null,
  now: new Date(0),
});
