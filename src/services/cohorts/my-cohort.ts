import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { checkIns, coachFeedback, users } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { cohortDayAt, type CohortPhase } from '../../domain/cohorts/cohort-calendar';
import type { CohortStatus, MembershipStatus } from '../../domain/cohorts/cohort-status';
import { checkInStreak, recentCheckIns, type Compliance } from '../../domain/cohorts/check-in-stats';
import { checkInWindow, type CheckInWindow } from '../../domain/cohorts/decide-check-in-date';
import type { PromptInForce } from '../../domain/cohorts/prompts';
import {
  firstQuestionnaireWeekFor,
  questionnaireStatus,
  questionnaireWeekAt,
  questionnaireWindow,
  type QuestionnaireStatus,
} from '../../domain/cohorts/questionnaire-window';
import type { WeightUnit } from '../../domain/cohorts/weight-units';
import { DomainError } from '../../domain/shared/domain-error';
import { addLocalDays, localDateOf, type LocalDate } from '../../domain/time/studio-week';
import { loadCohortCoaches, loadPromptsInForce, scheduleOf, studioTimeZone, type CoachView } from './cohort-context';
import { loadSubmittedWeeks } from './member-stats';
import { findMyCohort, myWeightUnit } from './my-cohort-membership';
import { toCheckInView, type CheckInView } from './my-check-ins';

export interface MyCohortView {
  cohort: {
    id: string;
    name: string;
    startDate: LocalDate;
    endDate: LocalDate | null;
    weeks: number | null;
    status: CohortStatus;
    coaches: CoachView[];
  };
  membership: { status: MembershipStatus; joinedAt: Date; checkInCadenceDays: number };
  phase: CohortPhase;
  currentWeek: number | null;
  prompts: PromptInForce[];
  weightUnit: WeightUnit;
  today: { date: LocalDate; checkIn: CheckInView | null; window: CheckInWindow };
  questionnaire: { week: number; status: QuestionnaireStatus; opensAt: Date; closesAt: Date };
  /** Published feedback only, by week. Drafts and coach notes never reach a client. */
  feedback: Array<{
    week: number;
    message: string;
    videoUrl: string | null;
    publishedAt: Date;
    authorName: string | null;
  }>;
  /** Submitted weeks still waiting for the coach's reply. */
  awaitingFeedback: number[];
  streak: number;
  checkInsThisWeek: Compliance | null;
}

/** The client's "My cohort" screen: week n of m, today's check-in, this week's questionnaire, feedback, streak. */
export async function getMyCohort(db: Database, actor: Actor, now: Date): Promise<MyCohortView> {
  const mine = await findMyCohort(db, actor.id);
  if (!mine) throw new DomainError('NOT_IN_COHORT', 'You are not in a cohort');
  const { cohort, membership } = mine;
  const timeZone = await studioTimeZone(db);
  const day = cohortDayAt(cohort, now, timeZone);
  const today = day.date;
  const cadence = membership.checkInCadenceDays ?? cohort.checkInCadenceDays;
  const [prompts, weightUnit, coaches, submitted, history, feedback] = await Promise.all([
    loadPromptsInForce(db, cohort.id),
    myWeightUnit(db, actor.id),
    loadCohortCoaches(db, [cohort.id]),
    loadSubmittedWeeks(db, cohort.id, [actor.id]),
    db
      .select()
      .from(checkIns)
      .where(
        and(
          eq(checkIns.userId, actor.id),
          gte(checkIns.date, addLocalDays(cohort.startDate, -7)),
          lte(checkIns.date, today),
        ),
      )
      .orderBy(asc(checkIns.date)),
    db
      .select({ f: coachFeedback, authorName: users.name })
      .from(coachFeedback)
      .leftJoin(users, eq(users.id, coachFeedback.authorId))
      .where(
        and(
          eq(coachFeedback.cohortId, cohort.id),
          eq(coachFeedback.userId, actor.id),
          eq(coachFeedback.status, 'PUBLISHED'),
        ),
      )
      .orderBy(asc(coachFeedback.week)),
  ]);
  const submittedWeeks = submitted.get(actor.id) ?? new Set<number>();
  const joined = localDateOf(membership.joinedAt, timeZone);
  const qWeek = questionnaireWeekAt(
    scheduleOf(cohort),
    now,
    timeZone,
    submittedWeeks,
    firstQuestionnaireWeekFor(cohort, joined),
  );
  const qWindow = questionnaireWindow(scheduleOf(cohort), qWeek, timeZone);
  const dates = history.map((h) => h.date);
  const todayRow = history.find((h) => h.date === today);
  return {
    cohort: {
      id: cohort.id,
      name: cohort.name,
      startDate: cohort.startDate,
      endDate: cohort.endDate,
      weeks: cohort.weeks,
      status: cohort.status,
      coaches: coaches.get(cohort.id) ?? [],
    },
    membership: {
      status: membership.status,
      joinedAt: membership.joinedAt,
      checkInCadenceDays: cadence,
    },
    phase: day.phase,
    currentWeek: day.week,
    prompts,
    weightUnit,
    today: {
      date: today,
      checkIn: todayRow ? toCheckInView(todayRow, weightUnit) : null,
      window: checkInWindow(today, cohort.checkInBackfillDays),
    },
    questionnaire: {
      week: qWeek,
      status: questionnaireStatus(qWindow, now, submittedWeeks.has(qWeek)),
      opensAt: qWindow.opensAt,
      closesAt: qWindow.closesAt,
    },
    feedback: feedback.map(({ f, authorName }) => ({
      week: f.week,
      message: f.message,
      videoUrl: f.videoUrl,
      publishedAt: f.publishedAt!,
      authorName,
    })),
    awaitingFeedback: [...submittedWeeks]
      .filter((week) => !feedback.some(({ f }) => f.week === week))
      .sort((a, b) => a - b),
    streak: checkInStreak(dates, today, cadence),
    checkInsThisWeek: day.weekStartDate
      ? recentCheckIns(dates, today, cadence, joined > cohort.startDate ? joined : cohort.startDate)
      : null,
  };
}
