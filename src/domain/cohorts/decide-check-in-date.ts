import { DomainError } from '../shared/domain-error';
import { addLocalDays, localDaysBetween, type LocalDate } from '../time/studio-week';

/** Days before today a client may still fill in when their cohort does not say otherwise. */
export const DEFAULT_CHECK_IN_BACKFILL_DAYS = 2;

export interface CheckInWindow {
  earliestDate: LocalDate;
  latestDate: LocalDate;
}

export function checkInWindow(today: LocalDate, backfillDays: number): CheckInWindow {
  return { earliestDate: addLocalDays(today, -backfillDays), latestDate: today };
}

/**
 * A client may enter (or edit) today's check-in and the previous `backfillDays` days'; older
 * entries are history and future days have not happened yet.
 */
export function decideCheckInDate(
  date: LocalDate,
  today: LocalDate,
  backfillDays: number,
): CheckInWindow | DomainError {
  const window = checkInWindow(today, backfillDays);
  const daysAgo = localDaysBetween(date, today);
  if (daysAgo < 0) {
    return new DomainError('CHECK_IN_WINDOW_CLOSED', `You cannot check in for ${date} yet: it is in the future`);
  }
  if (daysAgo > backfillDays) {
    const allowance =
      backfillDays === 0
        ? 'only today'
        : `today and the previous ${backfillDays === 1 ? 'day' : `${backfillDays} days`}`;
    return new DomainError('CHECK_IN_WINDOW_CLOSED', `Check-ins for ${date} are closed: you can fill in ${allowance}`);
  }
  return window;
}
