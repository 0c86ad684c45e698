import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { clientCheckInPreferences, cohortMemberships, cohorts } from '../../db/schema';
import type { WeightUnit } from '../../domain/cohorts/weight-units';
import type { CohortRow } from './cohort-context';

export interface MyCohortMembership {
  cohort: CohortRow;
  membership: typeof cohortMemberships.$inferSelect;
  /** True while the client holds a place (active or paused); false for a cohort they finished. */
  current: boolean;
}

/**
 * "My cohort" for a client: the cohort they are in now, else the last one they finished (so its
 * final questionnaire, feedback and progress stay reachable). Withdrawn memberships and archived
 * cohorts do not count. Every /api/me cohort route resolves the cohort through this.
 */
export async function findMyCohort(ex: Executor, userId: string): Promise<MyCohortMembership | null> {
  const [row] = await ex
    .select({ cohort: cohorts, membership: cohortMemberships })
    .from(cohortMemberships)
    .innerJoin(cohorts, eq(cohorts.id, cohortMemberships.cohortId))
    .where(
      and(
        eq(cohortMemberships.userId, userId),
        inArray(cohortMemberships.status, ['ACTIVE', 'PAUSED', 'COMPLETED']),
        ne(cohorts.status, 'ARCHIVED'),
      ),
    )
    .orderBy(
      desc(inArray(cohortMemberships.status, ['ACTIVE', 'PAUSED'])),
      desc(cohortMemberships.leftAt),
      desc(cohortMemberships.joinedAt),
    )
    .limit(1);
  if (!row) return null;
  return { ...row, current: row.membership.status === 'ACTIVE' || row.membership.status === 'PAUSED' };
}

export async function myWeightUnit(ex: Executor, userId: string): Promise<WeightUnit> {
  const [row] = await ex
    .select({ unit: clientCheckInPreferences.weightUnit })
    .from(clientCheckInPreferences)
    .where(eq(clientCheckInPreferences.userId, userId));
  return row?.unit ?? 'KG';
}
