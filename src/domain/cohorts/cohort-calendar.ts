import { addLocalDays, localDateOf, localDaysBetween, type LocalDate } from '../time/studio-week';

/**
 * Week numbers of a cohort. Week 1 starts on the cohort's own start date (any weekday, not a
 * calendar week); week n covers start + 7(n−1) … start + 7n − 1. "Today" is the studio-local
 * calendar date, and all arithmetic is on calendar dates, never on 24-hour blocks of UTC time,
 * so a 23- or 25-hour DST day moves nothing. Every screen, job and query asks
 * `cohortDayAt` (or `cohortDayOn` for a date it already has) — there is no other week maths.
 */
export interface CohortSchedule {
  startDate: LocalDate;
  /** Length in weeks; null = open-ended. */
  weeks: number | null;
}

export type CohortPhase = 'UPCOMING' | 'RUNNING' | 'ENDED';

export interface CohortDay {
  /** The studio-local date asked about. */
  date: LocalDate;
  /** 1 on the start date; 0 or negative before it. */
  dayNumber: number;
  phase: CohortPhase;
  /** The week containing `date` while the cohort runs; null before it starts and after it ends. */
  week: number | null;
  /** 1–7: the day within that week (null when `week` is null). */
  dayOfWeek: number | null;
  /** First and last date of `week` (null when `week` is null). */
  weekStartDate: LocalDate | null;
  weekEndDate: LocalDate | null;
  /** The cohort's last day (null when open-ended). */
  endDate: LocalDate | null;
}

/** The last day of a cohort of `weeks` weeks (inclusive); null when open-ended. */
export function cohortEndDate(startDate: LocalDate, weeks: number | null): LocalDate | null {
  return weeks === null ? null : addLocalDays(startDate, weeks * 7 - 1);
}

/** First and last date of week `week` (1-based) of a cohort starting on `startDate`. */
export function cohortWeekDates(startDate: LocalDate, week: number): { startDate: LocalDate; endDate: LocalDate } {
  const first = addLocalDays(startDate, (week - 1) * 7);
  return { startDate: first, endDate: addLocalDays(first, 6) };
}

/** Where a studio-local date falls in the cohort. */
export function cohortDayOn(schedule: CohortSchedule, date: LocalDate): CohortDay {
  const endDate = cohortEndDate(schedule.startDate, schedule.weeks);
  const dayNumber = localDaysBetween(schedule.startDate, date) + 1;
  const ended = endDate !== null && date > endDate;
  const phase: CohortPhase = dayNumber < 1 ? 'UPCOMING' : ended ? 'ENDED' : 'RUNNING';
  if (phase !== 'RUNNING') {
    return { date, dayNumber, phase, week: null, dayOfWeek: null, weekStartDate: null, weekEndDate: null, endDate };
  }
  const week = Math.floor((dayNumber - 1) / 7) + 1;
  const dates = cohortWeekDates(schedule.startDate, week);
  return {
    date,
    dayNumber,
    phase,
    week,
    dayOfWeek: ((dayNumber - 1) % 7) + 1,
    weekStartDate: dates.startDate,
    weekEndDate: dates.endDate,
    endDate,
  };
}

/** "Week n of this cohort, and today", at an instant, in the studio time zone. */
export function cohortDayAt(schedule: CohortSchedule, now: Date, timeZone: string): CohortDay {
  return cohortDayOn(schedule, localDateOf(now, timeZone));
}

/**
 * Week-by-week lists (the cohort page's questionnaires, a member's weeks) show at most this many
 * weeks, the latest ones: an open-ended cohort keeps growing, a response must not.
 */
export const MAX_LISTED_WEEKS = 52;

/** The first week such a list shows when it runs from `firstWeek` to `lastWeek`. */
export function firstListedWeek(firstWeek: number, lastWeek: number): number {
  return Math.max(firstWeek, lastWeek - MAX_LISTED_WEEKS + 1);
}
