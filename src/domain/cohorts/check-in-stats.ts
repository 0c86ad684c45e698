import { addLocalDays, localDaysBetween, type LocalDate } from '../time/studio-week';

/**
 * Streak and compliance of a client's check-ins, given the dates they checked in on and their
 * expected cadence (1 = daily, 2 = every other day…). Today is not over yet: it never breaks a
 * streak or lowers a rate until it has passed.
 */

/** How many check-ins in a row, each within `cadenceDays` of the next, ending recently enough to be alive. */
export function checkInStreak(dates: readonly LocalDate[], today: LocalDate, cadenceDays: number): number {
  const past = [...new Set(dates.filter((d) => d <= today))].sort().reverse();
  if (past.length === 0 || localDaysBetween(past[0]!, today) > cadenceDays) return 0;
  let streak = 1;
  for (let i = 1; i < past.length; i++) {
    if (localDaysBetween(past[i]!, past[i - 1]!) > cadenceDays) break;
    streak++;
  }
  return streak;
}

export interface Compliance {
  /** Check-ins expected in the period (by cadence). */
  expected: number;
  /** Check-ins made in it, counted up to `expected`. */
  done: number;
  /** done / expected, 0–1; null when nothing was expected yet. */
  rate: number | null;
}

/**
 * Check-ins expected and done between `from` and `to` (inclusive). Today counts only once the
 * client has checked in today, so a morning view does not show them behind.
 */
export function checkInCompliance(
  dates: readonly LocalDate[],
  period: { from: LocalDate; to: LocalDate },
  today: LocalDate,
  cadenceDays: number,
): Compliance {
  const inPeriod = new Set(dates.filter((d) => d >= period.from && d <= period.to && d <= today));
  const lastDay = period.to < today ? period.to : inPeriod.has(today) ? today : addLocalDays(today, -1);
  const days = Math.max(0, localDaysBetween(period.from, lastDay) + 1);
  const expected = Math.floor(days / cadenceDays);
  if (expected === 0) {
    return inPeriod.size > 0 ? { expected: 1, done: 1, rate: 1 } : { expected: 0, done: 0, rate: null };
  }
  const done = Math.min(inPeriod.size, expected);
  return { expected, done, rate: done / expected };
}

/** The days "recent" check-in adherence looks back on. */
export const RECENT_CHECK_IN_DAYS = 7;

/**
 * THE check-in adherence of a member, shown everywhere (cohort dashboard, member page, member
 * list, My cohort): days checked in ÷ days expected by their cadence over the `days` complete
 * days before today, never before `since` (the day they joined), plus today once they have
 * checked in. One window for the rate and for "missed n check-ins", so "100%" and "missed 4"
 * can never sit side by side again (a calendar week showed 100% on a Tuesday after a bad week).
 */
export function recentCheckIns(
  dates: readonly LocalDate[],
  today: LocalDate,
  cadenceDays: number,
  since: LocalDate,
  days = RECENT_CHECK_IN_DAYS,
): Compliance {
  const windowStart = addLocalDays(today, -days);
  const from = since > windowStart ? since : windowStart;
  return checkInCompliance(dates, { from, to: today }, today, cadenceDays);
}

/** Check-ins missed in the recentCheckIns window: expected − done. */
export function missedCheckIns(
  dates: readonly LocalDate[],
  today: LocalDate,
  cadenceDays: number,
  days: number,
  since: LocalDate,
): number {
  const c = recentCheckIns(dates, today, cadenceDays, since, days);
  return c.expected - c.done;
}
