import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { cohortMemberships, questionnaireResponses, users } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { cohortDayAt, cohortWeekDates, firstListedWeek } from '../../domain/cohorts/cohort-calendar';
import type { MembershipStatus } from '../../domain/cohorts/cohort-status';
import { checkInCompliance, checkInStreak, recentCheckIns } from '../../domain/cohorts/check-in-stats';
import type { PromptInForce } from '../../domain/cohorts/prompts';
import type { QuestionnaireContent } from '../../domain/cohorts/questionnaire';
import {
  firstQuestionnaireWeekFor,
  questionnaireStatus,
  questionnaireWeekAt,
  questionnaireWindow,
  type QuestionnaireStatus,
} from '../../domain/cohorts/questionnaire-window';
import { addLocalDays, localDateOf, type LocalDate } from '../../domain/time/studio-week';
import { loadCohortAsCoach, loadPromptsInForce, scheduleOf, studioTimeZone, type CohortRow } from './cohort-context';
import { summariseCohorts, type CohortSummary } from './list-cohorts';
import { loadCheckInDates, loadLastCheckInDates, loadSubmittedWeeks } from './member-stats';
import { loadWeekQuestionnaires } from './questionnaire-content';

export interface CohortMemberRow {
  userId: string;
  name: string;
  email: string;
  status: MembershipStatus;
  joinedAt: Date;
  leftAt: Date | null;
  /** The cadence that applies to this client (their override, else the cohort's). */
  checkInCadenceDays: number;
  cadenceOverridden: boolean;
  lastCheckInDate: LocalDate | null;
  streak: number;
  complianceThisWeek: number | null;
  complianceOverall: number | null;
  questionnaire: { week: number; status: QuestionnaireStatus };
}

export interface WeekQuestionnaireView extends QuestionnaireContent {
  week: number;
  startDate: LocalDate;
  endDate: LocalDate;
  opensAt: Date;
  closesAt: Date;
  submittedCount: number;
  /** Questions can no longer change: someone submitted this week. */
  locked: boolean;
}

export interface CohortDetail extends CohortSummary {
  checkInCadenceDays: number;
  checkInBackfillDays: number;
  questionnaireOpensDaysBeforeWeekEnd: number;
  checkInReminderTime: string;
  prompts: PromptInForce[];
  defaultQuestionnaire: QuestionnaireContent;
  questionnaires: WeekQuestionnaireView[];
  members: CohortMemberRow[];
}

async function weekViews(
  ex: Executor,
  cohort: CohortRow,
  currentWeek: number | null,
  timeZone: string,
): Promise<WeekQuestionnaireView[]> {
  const rows = await loadWeekQuestionnaires(ex, cohort.id);
  const counts = await ex
    .select({ week: questionnaireResponses.week, n: sql<number>`count(*)::int` })
    .from(questionnaireResponses)
    .where(and(eq(questionnaireResponses.cohortId, cohort.id), eq(questionnaireResponses.status, 'SUBMITTED')))
    .groupBy(questionnaireResponses.week);
  const submitted = new Map(counts.map((c) => [c.week, Number(c.n)]));
  // Open-ended cohorts list the weeks so far and the next one.
  const lastWeek = cohort.weeks ?? Math.max(1, (currentWeek ?? 0) + 1, ...rows.keys());
  const fallback = cohort.defaultQuestionnaire as QuestionnaireContent;
  const firstWeek = firstListedWeek(1, lastWeek);
  return Array.from({ length: lastWeek - firstWeek + 1 }, (_, i) => {
    const week = firstWeek + i;
    const content = rows.get(week) ?? fallback;
    const window = questionnaireWindow(scheduleOf(cohort), week, timeZone);
    const dates = cohortWeekDates(cohort.startDate, week);
    const n = submitted.get(week) ?? 0;
    return {
      week,
      startDate: dates.startDate,
      endDate: dates.endDate,
      intro: content.intro,
      questions: content.questions,
      opensAt: window.opensAt,
      closesAt: window.closesAt,
      submittedCount: n,
      locked: n > 0,
    };
  });
}

async function memberRows(ex: Executor, cohort: CohortRow, now: Date, timeZone: string): Promise<CohortMemberRow[]> {
  const rows = await ex
    .select({ m: cohortMemberships, name: users.name, email: users.email })
    .from(cohortMemberships)
    .innerJoin(users, eq(users.id, cohortMemberships.userId))
    .where(eq(cohortMemberships.cohortId, cohort.id))
    .orderBy(asc(users.name));
  const ids = rows.map((r) => r.m.userId);
  const day = cohortDayAt(cohort, now, timeZone);
  const today = day.date;
  const periodEnd = cohort.endDate && cohort.endDate < today ? cohort.endDate : today;
  const [dates, last, submittedWeeks] = await Promise.all([
    // Coaches see only what each client logged while a member here (membership-window.ts).
    loadCheckInDates(ex, ids, addLocalDays(cohort.startDate, -7), today, { cohortId: cohort.id, timeZone }),
    loadLastCheckInDates(ex, ids, today, { cohortId: cohort.id, timeZone }),
    loadSubmittedWeeks(ex, cohort.id, ids),
  ]);
  return rows.map(({ m, name, email }) => {
    const cadence = m.checkInCadenceDays ?? cohort.checkInCadenceDays;
    const mine = dates.get(m.userId) ?? [];
    const joined = localDateOf(m.joinedAt, timeZone);
    const since = (from: LocalDate) => (joined > from ? joined : from);
    const qWeek = questionnaireWeekAt(
      scheduleOf(cohort),
      now,
      timeZone,
      submittedWeeks.get(m.userId) ?? new Set(),
      firstQuestionnaireWeekFor(cohort, joined),
    );
    const qSubmitted = submittedWeeks.get(m.userId)?.has(qWeek) ?? false;
    return {
      userId: m.userId,
      name,
      email,
      status: m.status,
      joinedAt: m.joinedAt,
      leftAt: m.leftAt,
      checkInCadenceDays: cadence,
      cadenceOverridden: m.checkInCadenceDays !== null,
      lastCheckInDate: last.get(m.userId) ?? null,
      streak: checkInStreak(mine, today, cadence),
      // The one adherence (recentCheckIns), so it agrees with the member page and its "missed" flag.
      complianceThisWeek: day.weekStartDate ? recentCheckIns(mine, today, cadence, since(cohort.startDate)).rate : null,
      complianceOverall:
        day.phase === 'UPCOMING'
          ? null
          : checkInCompliance(mine, { from: since(cohort.startDate), to: periodEnd }, today, cadence).rate,
      questionnaire: {
        week: qWeek,
        status: questionnaireStatus(questionnaireWindow(scheduleOf(cohort), qWeek, timeZone), now, qSubmitted),
      },
    };
  });
}

/** Everything the coach's cohort page shows: settings, prompts, every week's questionnaire, members with their stats. */
export async function getCohortDetail(db: Database, actor: Actor, cohortId: string, now: Date): Promise<CohortDetail> {
  const { cohort } = await loadCohortAsCoach(db, actor, cohortId);
  const timeZone = await studioTimeZone(db);
  const [summary] = await summariseCohorts(db, [cohort], now);
  const [prompts, questionnaires, members] = await Promise.all([
    loadPromptsInForce(db, cohort.id),
    weekViews(db, cohort, summary!.currentWeek, timeZone),
    memberRows(db, cohort, now, timeZone),
  ]);
  return {
    ...summary!,
    checkInCadenceDays: cohort.checkInCadenceDays,
    checkInBackfillDays: cohort.checkInBackfillDays,
    questionnaireOpensDaysBeforeWeekEnd: cohort.questionnaireOpensDaysBeforeWeekEnd,
    checkInReminderTime: cohort.checkInReminderTime,
    prompts,
    defaultQuestionnaire: cohort.defaultQuestionnaire as QuestionnaireContent,
    questionnaires,
    members,
  };
}
