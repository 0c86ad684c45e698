import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { DomainError } from '../../domain/shared/domain-error';
import { rowsOf } from './sql-rows';
import { executePrepared } from '../../db/execute-prepared';

export type LedgerKind = 'GRANT' | 'CONSUME' | 'REFUND' | 'ADJUST' | 'EXPIRE';

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
  now: Date;
}

/**
 * The common table expressions that move credits on existing grants and write their ledger rows:
 * `moves`, `moved` (grants updated) and `ledger` (rows written, RETURNING grant_id). A grant is
 * only touched while it stays within 0..amount, so `ledger` has fewer rows than `movements`
 * when a concurrent change got there first; the caller must then refuse the whole transaction.
 * Composable: a booking writes these and its registration in one statement.
 */
export function movementCtes(movements: readonly Movement[], context: MovementContext): SQL {
  const values = sql.join(
    movements.map((m) => sql`(${m.grantId}::uuid, ${m.amount}::int)`),
    sql`, `,
  );
  return sql`moves (grant_id, amount) AS (VALUES ${values}),
    moved AS (
      UPDATE credit_grants g SET remaining = g.remaining + moves.amount
      FROM moves
      WHERE g.id = moves.grant_id AND g.remaining + moves.amount BETWEEN 0 AND g.amount
      RETURNING g.id, g.user_id, moves.amount
    ),
    ledger AS (
      INSERT INTO credit_transactions
        (user_id, grant_id, kind, amount, reason_code, description, registration_id, session_id, actor_id, created_at)
      SELECT moved.user_id, moved.id, ${context.kind}, moved.amount, ${context.reasonCode}, ${context.description},
        ${context.registrationId ?? null}::uuid, ${context.sessionId ?? null}::uuid, ${context.actorId}, ${context.now.toISOString()}::timestamptz
      FROM moved
      RETURNING grant_id
    )`;
}

/**
 * Moves credits on existing grants and writes their ledger rows in ONE statement, so the cached
 * `remaining` and the ledger can never disagree. If any grant is missed (a concurrent change
 * got there first) the whole transaction is refused instead of half-written. Callers lock the
 * grants before deciding.
 */
export async function applyMovements(tx: Tx, movements: readonly Movement[], context: MovementContext): Promise<void> {
  if (movements.length === 0) return;
  const result = await executePrepared(tx, sql`WITH ${movementCtes(movements, context)} SELECT grant_id FROM ledger`);
  if (rowsOf(result).length !== movements.length) throw creditsChangedMeanwhile();
}

export const creditsChangedMeanwhile = () =>
  new DomainError('INSUFFICIENT_CREDITS', 'Those credits were just used by another change. Please try again.');
