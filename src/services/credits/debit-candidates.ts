import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import type { DebitCandidate } from '../../domain/credits/plan-debit';
import { rowsOf } from '../../db/rows';

export interface CandidateQuery {
  userId: string;
  classTypeId: string;
  sessionStart: Date;
}

/**
 * The grants that could pay for a session of `classTypeId` starting at `sessionStart` (SQL
 * expressions, so a caller can use columns of its own query): window holds the start, credits
 * left, membership not paused; each flagged with whether its plan covers the class type (a plan
 * listing no class types covers all; an admin grant covers all). The one definition of
 * "usable", shared by the standalone query and the booking's locked read.
 */
function candidateSelect(userId: SQL, classTypeId: SQL, sessionStart: SQL) {
  return sql`
    SELECT g.id AS grant_id, g.remaining, g.valid_until, g.created_at,
      (g.membership_id IS NULL
        OR NOT EXISTS (SELECT 1 FROM plan_class_types pc WHERE pc.plan_id = m.plan_id)
        OR EXISTS (SELECT 1 FROM plan_class_types pc WHERE pc.plan_id = m.plan_id AND pc.class_type_id = ${classTypeId})
      ) AS covers_class_type
    FROM credit_grants g LEFT JOIN memberships m ON m.id = g.membership_id
    WHERE g.user_id = ${userId} AND g.remaining > 0 AND g.valid_from <= ${sessionStart}
      AND (g.valid_until IS NULL OR g.valid_until > ${sessionStart})
      AND (m.status IS NULL OR m.status <> 'PAUSED')`;
}

interface CandidateRow {
  grant_id: string;
  remaining: number;
  valid_until: Date | string | null;
  created_at: Date | string;
  covers_class_type: boolean;
}

const toCandidate = (r: CandidateRow): DebitCandidate => ({
  grantId: r.grant_id,
  remaining: Number(r.remaining),
  validUntil: r.valid_until === null ? null : new Date(r.valid_until),
  createdAt: new Date(r.created_at),
  coversClassType: r.covers_class_type === true,
});

/**
 * One query for every usable grant (see candidateSelect). With `lock`, the rows are locked
 * `FOR UPDATE` in consumption order, so two changes to the same client's grants serialize and
 * always lock them in the same order.
 */
export async function loadDebitCandidates(
  db: Executor,
  query: CandidateQuery,
  lock: boolean,
): Promise<DebitCandidate[]> {
  const select = candidateSelect(
    sql`${query.userId}`,
    sql`${query.classTypeId}::uuid`,
    sql`${query.sessionStart.toISOString()}::timestamptz`,
  );
  const result = await db.execute(sql`${select}
    ORDER BY g.valid_until ASC NULLS LAST, g.created_at ASC, g.id ASC
    ${lock ? sql`FOR UPDATE OF g` : sql``}`);
  return rowsOf<CandidateRow>(result).map(toCandidate);
}

/**
 * The usable grants as a JSON array, for a caller that reads them inside a larger statement
 * (the booking's locked read). Not locked: the debit that follows is a conditional update that
 * refuses if a grant changed in between (see ledger-writes.ts).
 */
export function debitCandidatesJson(userId: SQL, classTypeId: SQL, sessionStart: SQL): SQL {
  return sql`(SELECT COALESCE(json_agg(c), '[]'::json) FROM (${candidateSelect(userId, classTypeId, sessionStart)}) c)`;
}

/** Parses the array `debitCandidatesJson` produced (PGlite may hand JSON back as text). */
export function parseDebitCandidates(value: unknown): DebitCandidate[] {
  const rows = (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as CandidateRow[];
  return rows.map(toCandidate);
}
