import { addLocalDays, startOfLocalDate, type LocalDate } from '../time/studio-week';
import { cohortDayAt, cohortDayOn, cohortWeekDates, type CohortSchedule } from './cohort-calendar';

export interface QuestionnaireSchedule extends CohortSchedule {
  /** Week n's questionnaire opens this many days before week n ends (1 = on its last day). */
  questionnaireOpensDaysBeforeWeekEnd: number;
}

/** Days into week n+1 during which week n's questionnaire can still be answered. */
export const QUESTIONNAIRE_GRACE_DAYS = 2;
/** Opening more than 5 days early would overlap the previous week's grace days. */
export const MAX_OPENS_DAYS_BEFORE_WEEK_END = 7 - QUESTIONNAIRE_GRACE_DAYS;

export interface QuestionnaireWindow {
  week: number;
  /** First studio-local day it can be answered. */
  opensOn: LocalDate;
  /** Last studio-local day it can be answered. */
  lastOpenDay: LocalDate;
  /** 00:00 studio time on `opensOn`. */
  opensAt: Date;
  /** 00:00 studio time the day after `lastOpenDay` (exclusive). */
  closesAt: Date;
}

/**
 * Week n's questionnaire opens at the start of its (8 − k)th day (k = opens-days-before-week-end)
 * and closes at the end of the second day of week n+1. Boundaries are local midnights computed
 * per date, so a DST change inside the window makes it 1 hour shorter or longer, never moves it.
 */
export function questionnaireWindow(
  schedule: QuestionnaireSchedule,
  week: number,
  timeZone: string,
): QuestionnaireWindow {
  const { endDate: weekEnd } = cohortWeekDates(schedule.startDate, week);
  const opensOn = addLocalDays(weekEnd, 1 - schedule.questionnaireOpensDaysBeforeWeekEnd);
  const lastOpenDay = addLocalDays(weekEnd, QUESTIONNAIRE_GRACE_DAYS);
  return {
    week,
    opensOn,
    lastOpenDay,
    opensAt: startOfLocalDate(opensOn, timeZone),
    closesAt: startOfLocalDate(addLocalDays(lastOpenDay, 1), timeZone),
  };
}

export type QuestionnaireStatus = 'NOT_OPEN' | 'OPEN' | 'SUBMITTED' | 'MISSED';

export function questionnaireStatus(window: QuestionnaireWindow, now: Date, submitted: boolean): QuestionnaireStatus {
  if (submitted) return 'SUBMITTED';
  if (now < window.opensAt) return 'NOT_OPEN';
  if (now < window.closesAt) return 'OPEN';
  return 'MISSED';
}

/**
 * The questionnaire week a client should see now: the one that is open if any (during the first
 * two days of week n+1 that is still week n, unless they already submitted it), otherwise the
 * current week (not open yet), week 1 before the start, and the last week once the cohort ended.
 */
export function questionnaireWeekAt(
  schedule: QuestionnaireSchedule,
  now: Date,
  timeZone: string,
  submittedWeeks: ReadonlySet<number>,
  firstWeek = 1,
): number {
  const day = cohortDayAt(schedule, now, timeZone);
  if (day.phase === 'UPCOMING') return 1;
  if (day.phase === 'ENDED') return schedule.weeks!;
  const week = day.week!;
  if (week > firstWeek && day.dayOfWeek! <= QUESTIONNAIRE_GRACE_DAYS && !submittedWeeks.has(week - 1)) return week - 1;
  return week;
}

/**
 * The first week whose questionnaire is a member's: the week they joined in (week 1 when they
 * joined before the start). Earlier weeks were before their time — never "missed" by them.
 */
export function firstQuestionnaireWeekFor(schedule: CohortSchedule, joinedOn: LocalDate): number {
  const day = cohortDayOn(schedule, joinedOn);
  if (day.phase === 'UPCOMING') return 1;
  if (day.phase === 'ENDED') return schedule.weeks!;
  return day.week!;
}

/** The week whose questionnaire window contains `now`, if any (windows never overlap). */
export function openQuestionnaireWeek(schedule: QuestionnaireSchedule, now: Date, timeZone: string): number | null {
  const week = questionnaireWeekAt(schedule, now, timeZone, new Set());
  const window = questionnaireWindow(schedule, week, timeZone);
  return now >= window.opensAt && now < window.closesAt ? week : null;
}
