import { and, asc, eq, gt, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { creditGrants, memberships } from '../../db/schema';
import type { DebitCandidate } from '../../domain/credits/plan-debit';

export interface CandidateQuery {
  userId: string;
  classTypeId: string;
  sessionStart: Date;
}

/**
 * One query for every grant that could pay for a session starting at `sessionStart`: window
 * holds the start, credits left, membership not paused; each flagged with whether its plan
 * covers the class type (a plan listing no class types covers all; an admin grant covers all).
 * With `lock`, the rows are locked `FOR UPDATE` in consumption order, so two bookings of the
 * same client serialize on the grants they both want and always lock them in the same order.
 */
export async function loadDebitCandidates(db: Executor, query: CandidateQuery, lock: boolean): Promise<DebitCandidate[]> {
  const coversClassType = sql<boolean>`(
    ${creditGrants.membershipId} IS NULL
    OR NOT EXISTS (SELECT 1 FROM plan_class_types pc WHERE pc.plan_id = ${memberships.planId})
    OR EXISTS (SELECT 1 FROM plan_class_types pc WHERE pc.plan_id = ${memberships.planId} AND pc.class_type_id = ${query.classTypeId}::uuid)
  )`;
  const select = db
    .select({
      grantId: creditGrants.id,
      remaining: creditGrants.remaining,
      validUntil: creditGrants.validUntil,
      createdAt: creditGrants.createdAt,
      coversClassType,
    })
    .from(creditGrants)
    .leftJoin(memberships, eq(memberships.id, creditGrants.membershipId))
    .where(
      and(
        eq(creditGrants.userId, query.userId),
        gt(creditGrants.remaining, 0),
        lte(creditGrants.validFrom, query.sessionStart),
        or(isNull(creditGrants.validUntil), gt(creditGrants.validUntil, query.sessionStart)),
        or(isNull(memberships.status), ne(memberships.status, 'PAUSED')),
      ),
    )
    .orderBy(sql`${creditGrants.validUntil} ASC NULLS LAST`, asc(creditGrants.createdAt), asc(creditGrants.id));
  const rows = lock ? await select.for('update', { of: creditGrants }) : await select;
  return rows.map((r) => ({ ...r, coversClassType: r.coversClassType === true }));
}
