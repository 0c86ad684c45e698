import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import { formatInZone } from '../../lib/format';

/**
 * Cohort dates are studio-local calendar dates (`YYYY-MM-DD`) decided by the server. They are
 * formatted as calendar dates, with no time zone involved, so the device's zone cannot shift them.
 */
export const formatDay = (date: string, pattern = 'EEE d MMM') => format(parseISO(date), pattern);

/** "Mon 23 Mar – Sun 3 May 2026"; open-ended cohorts read "from Mon 23 Mar 2026". */
export function formatDateRange(startDate: string, endDate: string | null): string {
  if (!endDate) return `from ${formatDay(startDate, 'EEE d MMM yyyy')}`;
  const sameYear = startDate.slice(0, 4) === endDate.slice(0, 4);
  return `${formatDay(startDate, sameYear ? 'EEE d MMM' : 'EEE d MMM yyyy')} – ${formatDay(endDate, 'EEE d MMM yyyy')}`;
}

/** "today", "yesterday", "3 days ago" relative to the studio's today (both calendar dates). */
export function daysAgo(date: string, today: string): string {
  const days = differenceInCalendarDays(parseISO(today), parseISO(date));
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** A 0–1 rate as "83%", or "–" when nothing was expected yet. */
export const formatRate = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '–' : `${Math.round(rate * 100)}%`;

/** "Week 3 of 6"; open-ended cohorts read "Week 3". */
export const weekOf = (week: number, weeks: number | null) => (weeks ? `Week ${week} of ${weeks}` : `Week ${week}`);

/** Today's date in the studio's time zone (for "3 days ago"; every rule about dates is the server's). */
export const studioToday = (timeZone: string) => formatInZone(new Date(), timeZone, 'yyyy-MM-dd');
