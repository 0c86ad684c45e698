import { and, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { cohortMemberships, cohorts } from '../../db/schema';
import { localDateOf } from '../../domain/time/studio-week';
import { studioTimeZone } from './cohort-context';

/** Finishes the current memberships of a cohort (keeping their rows and data). */
export async function completeCohortMemberships(tx: Tx, cohortId: string, now: Date): Promise<number> {
  const done = await tx
    .update(cohortMemberships)
    .set({ status: 'COMPLETED', leftAt: now })
    .where(and(eq(cohortMemberships.cohortId, cohortId), inArray(cohortMemberships.status, ['ACTIVE', 'PAUSED'])))
    .returning({ id: cohortMemberships.id });
  return done.length;
}

/**
 * Job: completes every ACTIVE cohort whose end date has passed in the studio time zone, with its
 * memberships. Idempotent and safe on every instance at once: the conditional UPDATE … WHERE
 * status = 'ACTIVE' lets exactly one run claim each cohort, and only that run touches its members.
 */
export async function completeEndedCohorts(db: Database, now: Date): Promise<{ cohorts: number; memberships: number }> {
  const today = localDateOf(now, await studioTimeZone(db));
  const due = await db
    .select({ id: cohorts.id })
    .from(cohorts)
    .where(and(eq(cohorts.status, 'ACTIVE'), isNotNull(cohorts.endDate), lt(cohorts.endDate, today)));
  let completed = 0;
  let memberships = 0;
  for (const { id } of due) {
    await inTransaction(db, async (tx) => {
      const claimed = await tx
        .update(cohorts)
        .set({ status: 'COMPLETED', completedAt: now, updatedAt: now })
        .where(and(eq(cohorts.id, id), eq(cohorts.status, 'ACTIVE')))
        .returning({ id: cohorts.id });
      if (claimed.length === 0) return; // another instance (or a coach) got there first
      completed++;
      memberships += await completeCohortMemberships(tx, id, now);
    });
  }
  return { cohorts: completed, memberships };
}
