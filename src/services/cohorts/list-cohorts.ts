import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { cohortCoaches, cohortMemberships, cohortTypes, cohorts } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { cohortDayAt, type CohortPhase } from '../../domain/cohorts/cohort-calendar';
import type { CohortStatus } from '../../domain/cohorts/cohort-status';
import { RECENT_CHECK_IN_DAYS, recentCheckIns } from '../../domain/cohorts/check-in-stats';
import { addLocalDays, localDateOf, type LocalDate } from '../../domain/time/studio-week';
import { loadCohortCoaches, studioTimeZone, type CoachView, type CohortRow } from './cohort-context';
import { loadCheckInDates, loadWaitingReviewCounts } from './member-stats';

export interface CohortSummary {
  id: string;
  name: string;
  status: CohortStatus;
  type: { id: string; name: string } | null;
  startDate: LocalDate;
  endDate: LocalDate | null;
  weeks: number | null;
  capacity: number | null;
  phase: CohortPhase;
  currentWeek: number | null;
  coaches: CoachView[];
  /** Clients holding a place (active or paused). */
  memberCount: number;
  /** Share (0–1) of expected check-ins done this cohort week by active members; null before anything was due. */
  checkInRateThisWeek: number | null;
  /** Submitted questionnaires still without published feedback. */
  questionnairesWaiting: number;
}

/**
 * Summaries for cohort rows: coaches, member counts, this week's check-in rate and the review
 * queue length, in a fixed number of queries whatever the number of cohorts.
 */
export async function summariseCohorts(ex: Executor, rows: CohortRow[], now: Date): Promise<CohortSummary[]> {
  const ids = rows.map((c) => c.id);
  const timeZone = await studioTimeZone(ex);
  const today = localDateOf(now, timeZone);
  const [coaches, waiting, typeRows, members] = await Promise.all([
    loadCohortCoaches(ex, ids),
    loadWaitingReviewCounts(ex, ids),
    ex.select({ id: cohortTypes.id, name: cohortTypes.name }).from(cohortTypes),
    ids.length
      ? ex
          .select({
            cohortId: cohortMemberships.cohortId,
            userId: cohortMemberships.userId,
            status: cohortMemberships.status,
            cadence: cohortMemberships.checkInCadenceDays,
            joinedAt: cohortMemberships.joinedAt,
          })
          .from(cohortMemberships)
          .where(and(inArray(cohortMemberships.cohortId, ids), inArray(cohortMemberships.status, ['ACTIVE', 'PAUSED'])))
      : Promise.resolve([]),
  ]);
  const days = new Map(rows.map((c) => [c.id, cohortDayAt(c, now, timeZone)]));
  const earliestWeekStart = [...days.values()]
    .map((d) => d.weekStartDate)
    .filter((d): d is string => d !== null)
    .sort()[0];
  const activeUserIds = members.filter((m) => m.status === 'ACTIVE').map((m) => m.userId);
  const dates = earliestWeekStart
    ? await loadCheckInDates(ex, activeUserIds, addLocalDays(today, -RECENT_CHECK_IN_DAYS), today)
    : new Map<string, LocalDate[]>();
  const typeNames = new Map(typeRows.map((t) => [t.id, t.name]));

  return rows.map((c) => {
    const day = days.get(c.id)!;
    const mine = members.filter((m) => m.cohortId === c.id);
    let expected = 0;
    let done = 0;
    if (day.weekStartDate) {
      for (const m of mine.filter((x) => x.status === 'ACTIVE')) {
        const joined = localDateOf(m.joinedAt, timeZone);
        // The one adherence (recentCheckIns), summed over the cohort's active members.
        const result = recentCheckIns(
          dates.get(m.userId) ?? [],
          today,
          m.cadence ?? c.checkInCadenceDays,
          joined > c.startDate ? joined : c.startDate,
        );
        expected += result.expected;
        done += result.done;
      }
    }
    return {
      id: c.id,
      name: c.name,
      status: c.status,
      type: c.typeId ? { id: c.typeId, name: typeNames.get(c.typeId) ?? '' } : null,
      startDate: c.startDate,
      endDate: c.endDate,
      weeks: c.weeks,
      capacity: c.capacity,
      phase: day.phase,
      currentWeek: day.week,
      coaches: coaches.get(c.id) ?? [],
      memberCount: mine.length,
      checkInRateThisWeek: expected > 0 ? done / expected : null,
      questionnairesWaiting: waiting.get(c.id) ?? 0,
    };
  });
}

/** Admins see every cohort; a coach the cohorts they coach. Archived cohorts only when asked for. */
export async function listCohorts(
  db: Database,
  actor: Actor,
  filter: { status?: CohortStatus },
  now: Date,
): Promise<{ cohorts: CohortSummary[] }> {
  const conditions: SQL[] = [filter.status ? eq(cohorts.status, filter.status) : ne(cohorts.status, 'ARCHIVED')];
  if (actor.role !== 'ADMIN') {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${cohortCoaches} cc WHERE cc.cohort_id = ${cohorts.id} AND cc.coach_id = ${actor.id})`,
    );
  }
  const rows = await db
    .select()
    .from(cohorts)
    .where(and(...conditions))
    .orderBy(
      sql`CASE ${cohorts.status} WHEN 'ACTIVE' THEN 0 WHEN 'DRAFT' THEN 1 WHEN 'COMPLETED' THEN 2 ELSE 3 END`,
      desc(cohorts.startDate),
      asc(cohorts.name),
    );
  return { cohorts: await summariseCohorts(db, rows, now) };
}
