import { and, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { memberships } from '../../db/schema';
import { localDateOf } from '../../domain/time/studio-week';
import { loadSettings } from '../settings/settings-service';
import { rowsOf } from '../../db/rows';

const BATCH = 500;

/**
 * Writes an EXPIRE ledger row for every grant whose window has ended with credits left (weekly
 * credits never roll over; packs run out at their expiry), and marks memberships whose last
 * day has passed as EXPIRED. Idempotent and safe on many instances: a grant is zeroed by the same
 * statement that writes its ledger row, and rows another instance is working on are skipped.
 */
export async function expireCredits(
  db: Database,
  now: Date,
): Promise<{ grantsExpired: number; membershipsExpired: number }> {
  let grantsExpired = 0;
  for (;;) {
    // Raw SQL on a cold path, on purpose: the builder cannot write a data-modifying CTE (lock a
    // SKIP LOCKED batch, zero it, insert its ledger rows), and one statement is what keeps a grant
    // and its EXPIRE row together without a transaction per batch.
    const result = await db.execute(sql`
      WITH ended AS (
        SELECT id, user_id, remaining FROM credit_grants
        WHERE remaining > 0 AND valid_until <= ${now.toISOString()}::timestamptz
        ORDER BY id LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED
      ),
      zeroed AS (
        UPDATE credit_grants g SET remaining = 0 FROM ended WHERE g.id = ended.id
        RETURNING g.id, g.user_id, ended.remaining AS was
      )
      INSERT INTO credit_transactions (user_id, grant_id, kind, amount, reason_code, description, actor_id, created_at)
      SELECT zeroed.user_id, zeroed.id, 'EXPIRE', -zeroed.was, 'EXPIRED',
        coalesce((SELECT t.description FROM credit_transactions t WHERE t.grant_id = zeroed.id AND t.kind IN ('GRANT', 'ADJUST') ORDER BY t.seq LIMIT 1), 'Credits'),
        NULL, ${now.toISOString()}::timestamptz
      FROM zeroed
      RETURNING id`);
    const n = rowsOf(result).length;
    grantsExpired += n;
    if (n < BATCH) break;
  }
  const { 'studio.timezone': timeZone } = await loadSettings(db);
  const today = localDateOf(now, timeZone);
  const ended = await db
    .update(memberships)
    .set({ status: 'EXPIRED', updatedAt: now })
    .where(and(inArray(memberships.status, ['ACTIVE']), isNotNull(memberships.endDate), lt(memberships.endDate, today)))
    .returning({ id: memberships.id });
  return { grantsExpired, membershipsExpired: ended.length };
}
