import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import type { LedgerKind } from './ledger-writes';
import { rowsOf } from '../../db/rows';

export interface NewGrant {
  userId: string;
  membershipId: string | null;
  source: 'PLAN_ALLOCATION' | 'PACK_PURCHASE' | 'ADJUSTMENT';
  amount: number;
  validFrom: Date;
  validUntil: Date | null;
  /** Set for weekly allocations: with the membership, the key that makes them exactly-once. */
  weekStart: string | null;
  /** Plain words for the ledger row, e.g. "Weekly credits, week of 2 Mar (Committed)". */
  description: string;
}

/**
 * Creates grants and their ledger rows in ONE statement. A grant whose unique key already
 * exists (this membership's week, this pack purchase) is skipped together with its ledger row,
 * so running an allocation twice, concurrently, or after a crash never doubles a credit.
 * Returns the grants actually created.
 */
export async function insertGrants(
  tx: Tx,
  grants: readonly NewGrant[],
  context: { kind: Extract<LedgerKind, 'GRANT' | 'ADJUST'>; reasonCode: string; actorId: string | null; now: Date },
): Promise<Array<{ grantId: string; userId: string; amount: number }>> {
  if (grants.length === 0) return [];
  const values = sql.join(
    grants.map(
      (
        g,
      ) => sql`(${randomUUID()}::uuid, ${g.userId}, ${g.membershipId}::uuid, ${g.source}::grant_source, ${g.amount}::int,
        ${g.validFrom.toISOString()}::timestamptz, ${g.validUntil?.toISOString() ?? null}::timestamptz, ${g.weekStart}::date, ${g.description})`,
    ),
    sql`, `,
  );
  const now = context.now.toISOString();
  const result = await tx.execute(sql`
    WITH wanted (id, user_id, membership_id, source, amount, valid_from, valid_until, week_start, description) AS (VALUES ${values}),
    created AS (
      INSERT INTO credit_grants (id, user_id, membership_id, source, amount, remaining, valid_from, valid_until, week_start, created_at)
      SELECT id, user_id, membership_id, source, amount, amount, valid_from, valid_until, week_start, ${now}::timestamptz FROM wanted
      ON CONFLICT DO NOTHING
      RETURNING id, user_id, amount
    )
    INSERT INTO credit_transactions (user_id, grant_id, kind, amount, reason_code, description, actor_id, created_at)
    SELECT created.user_id, created.id, ${context.kind}, created.amount, ${context.reasonCode}, wanted.description,
      ${context.actorId}, ${now}::timestamptz
    FROM created JOIN wanted ON wanted.id = created.id
    RETURNING grant_id, user_id, amount`);
  return rowsOf<{ grant_id: string; user_id: string; amount: number }>(result).map((r) => ({
    grantId: r.grant_id,
    userId: r.user_id,
    amount: Number(r.amount),
  }));
}
