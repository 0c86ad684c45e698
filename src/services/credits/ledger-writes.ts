import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { DomainError } from '../../domain/shared/domain-error';
import { rowsOf } from './sql-rows';

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
 * Moves credits on existing grants and writes their ledger rows in ONE statement, so the cached
 * `remaining` and the ledger can never disagree. The update only touches a grant that stays
 * within 0..amount; if any row is missed (a concurrent change got there first) the whole
 * transaction is refused instead of half-written. Callers lock the grants before deciding.
 */
export async function applyMovements(tx: Tx, movements: readonly Movement[], context: MovementContext): Promise<void> {
  if (movements.length === 0) return;
  const values = sql.join(
    movements.map((m) => sql`(${m.grantId}::uuid, ${m.amount}::int)`),
    sql`, `,
  );
  const result = await tx.execute(sql`
    WITH moves (grant_id, amount) AS (VALUES ${values}),
    moved AS (
      UPDATE credit_grants g SET remaining = g.remaining + moves.amount
      FROM moves
      WHERE g.id = moves.grant_id AND g.remaining + moves.amount BETWEEN 0 AND g.amount
      RETURNING g.id, g.user_id, moves.amount
    )
    INSERT INTO credit_transactions
      (user_id, grant_id, kind, amount, reason_code, description, registration_id, session_id, actor_id, created_at)
    SELECT moved.user_id, moved.id, ${context.kind}, moved.amount, ${context.reasonCode}, ${context.description},
      ${context.registrationId ?? null}::uuid, ${context.sessionId ?? null}::uuid, ${context.actorId}, ${context.now.toISOString()}::timestamptz
    FROM moved
    RETURNING grant_id`);
  if (rowsOf(result).length !== movements.length) {
    throw new DomainError('INSUFFICIENT_CREDITS', 'Those credits were just used by another change. Please try again.');
  }
}
