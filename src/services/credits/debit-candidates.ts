import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import type { DebitCandidate } from '../../domain/credits/plan-debit';
import { rowsOf } from '../../db/rows';

/**
 * What a credit would pay for (ADR 0017): a class of a class type, or a 1-on-1 appointment of a
 * service. `sessionStart` is when it starts (a grant's window must hold it).
 */
export type CandidateQuery = { userId: string; sessionStart: Date } & (
  { classTypeId: string; serviceId?: undefined } | { serviceId: string; classTypeId?: undefined }
);

/**
 * Whether the grant's plan pays for this: a plan covers every class type or the listed ones, and
 * only the appointment services it lists; an admin grant (no membership) pays for anything.
 */
function coverage(paidFor: { classTypeId: SQL } | { serviceId: SQL }): SQL {
  if ('serviceId' in paidFor)
    return sql`(g.membership_id IS NULL
        OR EXISTS (SELECT 1 FROM plan_appointment_services ps WHERE ps.plan_id = m.plan_id AND ps.service_id = ${paidFor.serviceId}))`;
  return sql`(g.membership_id IS NULL
        OR EXISTS (SELECT 1 FROM membership_plans p WHERE p.id = m.plan_id AND p.covers_all_class_types)
        OR EXISTS (SELECT 1 FROM plan_class_types pc WHERE pc.plan_id = m.plan_id AND pc.class_type_id = ${paidFor.classTypeId}))`;
}

/**
 * The grants that could pay for a class or an appointment starting at `sessionStart` (SQL
 * expressions, so a caller can use columns of its own query): window holds the start, credits
 * left, membership not paused; each flagged with whether its plan covers what is paid for
 * (`coverage`). The one definition of
 * "usable", shared by the standalone query and the booking's locked read. `alsoLock` (grant
 * ids) widens the rows to grants a caller must lock in the same sweep (flagged not usable).
 */
function candidateSelect(
  userId: SQL,
  paidFor: { classTypeId: SQL } | { serviceId: SQL },
  sessionStart: SQL,
  alsoLock?: SQL,
) {
  const usable = sql`g.user_id = ${userId} AND g.remaining > 0 AND g.valid_from <= ${sessionStart}
      AND (g.valid_until IS NULL OR g.valid_until > ${sessionStart})
      AND (m.status IS NULL OR m.status <> 'PAUSED')`;
  return sql`
    SELECT g.id AS grant_id, g.remaining, g.valid_until, g.created_at,
      ${coverage(paidFor)} AS covers_class_type${alsoLock ? sql`, (${usable}) AS usable` : sql``}
    FROM credit_grants g LEFT JOIN memberships m ON m.id = g.membership_id
    WHERE (${usable})${alsoLock ? sql` OR g.id = ANY(${alsoLock})` : sql``}`;
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
 * `FOR UPDATE` in ascending grant id — the one order every transaction locks credit grants in
 * (ADR 0008) — together with `alsoLock`, grants of other clients the caller will change in the
 * same transaction (a cancellation's refund while it promotes someone): all in one sweep, so two
 * transactions that both need grants of two clients can never hold one each and wait for the
 * other's. The rows come back by id; planDebit orders them for consumption.
 */
export async function loadDebitCandidates(
  db: Executor,
  query: CandidateQuery,
  lock: boolean,
  alsoLock: readonly string[] = [],
): Promise<DebitCandidate[]> {
  const select = candidateSelect(
    sql`${query.userId}`,
    query.serviceId !== undefined
      ? { serviceId: sql`${query.serviceId}::uuid` }
      : { classTypeId: sql`${query.classTypeId}::uuid` },
    sql`${query.sessionStart.toISOString()}::timestamptz`,
    lock ? sql`${`{${alsoLock.join(',')}}`}::uuid[]` : undefined,
  );
  const result = await db.execute(
    lock
      ? sql`${select} ORDER BY g.id FOR UPDATE OF g`
      : sql`${select} ORDER BY g.valid_until ASC NULLS LAST, g.created_at ASC, g.id ASC`,
  );
  const rows = rowsOf<CandidateRow & { usable?: boolean }>(result);
  return rows.filter((r) => r.usable !== false).map(toCandidate);
}

/**
 * The usable grants as a JSON array, for a caller that reads them inside a larger statement
 * (the booking's locked read). Not locked: the debit that follows is a conditional update that
 * refuses if a grant changed in between (see ledger-writes.ts).
 */
export function debitCandidatesJson(userId: SQL, classTypeId: SQL, sessionStart: SQL): SQL {
  return sql`(SELECT COALESCE(json_agg(c), '[]'::json) FROM (${candidateSelect(userId, { classTypeId }, sessionStart)}) c)`;
}

/** Parses the array `debitCandidatesJson` produced (PGlite may hand JSON back as text). */
export function parseDebitCandidates(value: unknown): DebitCandidate[] {
  const rows = (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as CandidateRow[];
  return rows.map(toCandidate);
}
