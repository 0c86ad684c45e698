import { and, asc, eq, gte, inArray, lte, max, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { checkIns, coachFeedback, questionnaireResponses } from '../../db/schema';
import type { LocalDate } from '../../domain/time/studio-week';
import { checkInLoggedWhileMember } from './membership-window';

/** Limits check-ins to those logged while each client was a member of this cohort (membership-window.ts). */
export interface WhileMemberOf {
  cohortId: string;
  timeZone: string;
}

const whileMember = (during: WhileMemberOf | undefined) =>
  during ? checkInLoggedWhileMember(during.cohortId, during.timeZone) : undefined;

/** Check-in dates per client between two studio-local dates (inclusive). */
export async function loadCheckInDates(
  ex: Executor,
  userIds: readonly string[],
  from: LocalDate,
  to: LocalDate,
  during?: WhileMemberOf,
): Promise<Map<string, LocalDate[]>> {
  const byUser = new Map<string, LocalDate[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0 || to < from) return byUser;
  const rows = await ex
    .select({ userId: checkIns.userId, date: checkIns.date })
    .from(checkIns)
    .where(
      and(
        inArray(checkIns.userId, [...userIds]),
        gte(checkIns.date, from),
        lte(checkIns.date, to),
        whileMember(during),
      ),
    )
    .orderBy(asc(checkIns.date));
  for (const r of rows) byUser.get(r.userId)?.push(r.date);
  return byUser;
}

/** Each client's latest check-in date on or before `upTo`. */
export async function loadLastCheckInDates(
  ex: Executor,
  userIds: readonly string[],
  upTo: LocalDate,
  during?: WhileMemberOf,
): Promise<Map<string, LocalDate>> {
  if (userIds.length === 0) return new Map();
  const rows = await ex
    .select({ userId: checkIns.userId, last: max(checkIns.date) })
    .from(checkIns)
    .where(and(inArray(checkIns.userId, [...userIds]), lte(checkIns.date, upTo), whileMember(during)))
    .groupBy(checkIns.userId);
  return new Map(rows.filter((r) => r.last !== null).map((r) => [r.userId, r.last as LocalDate]));
}

/** Submitted questionnaires without published feedback, per cohort: the review queue's length. */
export async function loadWaitingReviewCounts(
  ex: Executor,
  cohortIds: readonly string[],
): Promise<Map<string, number>> {
  if (cohortIds.length === 0) return new Map();
  const rows = await ex
    .select({ cohortId: questionnaireResponses.cohortId, n: sql<number>`count(*)::int` })
    .from(questionnaireResponses)
    .where(
      and(
        inArray(questionnaireResponses.cohortId, [...cohortIds]),
        eq(questionnaireResponses.status, 'SUBMITTED'),
        sql`NOT EXISTS (SELECT 1 FROM ${coachFeedback} f WHERE f.cohort_id = ${questionnaireResponses.cohortId}
              AND f.user_id = ${questionnaireResponses.userId} AND f.week = ${questionnaireResponses.week} AND f.status = 'PUBLISHED')`,
      ),
    )
    .groupBy(questionnaireResponses.cohortId);
  return new Map(rows.map((r) => [r.cohortId, Number(r.n)]));
}

/** Weeks each client of a cohort has submitted. */
export async function loadSubmittedWeeks(
  ex: Executor,
  cohortId: string,
  userIds: readonly string[],
): Promise<Map<string, Set<number>>> {
  const byUser = new Map<string, Set<number>>(userIds.map((id) => [id, new Set()]));
  if (userIds.length === 0) return byUser;
  const rows = await ex
    .select({ userId: questionnaireResponses.userId, week: questionnaireResponses.week })
    .from(questionnaireResponses)
    .where(
      and(
        eq(questionnaireResponses.cohortId, cohortId),
        inArray(questionnaireResponses.userId, [...userIds]),
        eq(questionnaireResponses.status, 'SUBMITTED'),
      ),
    );
  for (const r of rows) byUser.get(r.userId)?.add(r.week);
  return byUser;
}
