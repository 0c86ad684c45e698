import { TZDate } from '@date-fns/tz';
import { format, getDaysInMonth } from 'date-fns';
import {
  addLocalDays,
  localDateOf as localDateOfInstant,
  startOfLocalDate,
  type LocalDate,
} from '../../../domain/time/studio-week';

/*
 * Calendar maths for the class pages, always in the studio's time zone (class times are studio
 * times, whatever the phone's own zone). A "local date" is a studio calendar day, `YYYY-MM-DD`.
 */

// The studio-calendar basics are the domain's own (src/domain/time/studio-week.ts), one rule for
// server and screen; what follows is what only the calendar pages need.
export { addLocalDays, startOfLocalDate, type LocalDate };

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** 0 = Sunday … 6 = Saturday, from the studio setting "Week starts on" (default Monday). */
export function weekStartIndex(weekStartsOn: string | undefined): number {
  const i = WEEKDAY_NAMES.indexOf(weekStartsOn ?? 'Monday');
  return i < 0 ? 1 : i;
}

/** The studio calendar day an instant (a Date or an ISO string from the API) falls on. */
export function localDateOf(instant: Date | string | number, timeZone: string): LocalDate {
  return localDateOfInstant(new Date(instant), timeZone);
}

/** 0 = Sunday … 6 = Saturday for a local date. */
function weekdayOf(date: LocalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The first day of the calendar week containing `date`. */
export function weekStartOf(date: LocalDate, startIndex: number): LocalDate {
  return addLocalDays(date, -((weekdayOf(date) - startIndex + 7) % 7));
}

export function weekDays(weekStart: LocalDate): LocalDate[] {
  return Array.from({ length: 7 }, (_, i) => addLocalDays(weekStart, i));
}

/** [from, to) instants covering the local days `first` … `last` (inclusive). */
export function instantRange(first: LocalDate, last: LocalDate, timeZone: string): { from: Date; to: Date } {
  return { from: startOfLocalDate(first, timeZone), to: startOfLocalDate(addLocalDays(last, 1), timeZone) };
}

/** Formats a local date with a date-fns pattern (e.g. "EEE d MMM"). */
export function formatLocalDate(date: LocalDate, pattern: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return format(new Date(y, m - 1, d, 12), pattern);
}

/** The weeks (rows of 7 local dates) a month calendar shows for the month containing `date`. */
export function monthGrid(date: LocalDate, startIndex: number): LocalDate[][] {
  const first = `${date.slice(0, 7)}-01`;
  const last = addLocalDays(first, getDaysInMonth(new Date(`${first}T12:00:00Z`)) - 1);
  const weeks: LocalDate[][] = [];
  for (let start = weekStartOf(first, startIndex); start <= last; start = addLocalDays(start, 7))
    weeks.push(weekDays(start));
  return weeks;
}

/** Shifts a local date by whole months, clamped to the month's length (31 Jan + 1 → 28/29 Feb). */
export function addLocalMonths(date: LocalDate, months: number): LocalDate {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const first = `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-01`;
  const days = getDaysInMonth(new Date(`${first}T12:00:00Z`));
  const day = Math.min(Number(date.slice(8, 10)), days);
  return `${first.slice(0, 8)}${String(day).padStart(2, '0')}`;
}

/** "23–29 Mar" / "30 Mar – 5 Apr" for a week (short enough for a phone's header). */
export function weekLabel(weekStart: LocalDate): string {
  const end = addLocalDays(weekStart, 6);
  if (weekStart.slice(0, 7) === end.slice(0, 7))
    return `${formatLocalDate(weekStart, 'd')}–${formatLocalDate(end, 'd MMM')}`;
  return `${formatLocalDate(weekStart, 'd MMM')} – ${formatLocalDate(end, 'd MMM')}`;
}

/** The instant the studio's wall clock reads `time` (HH:mm) on `date`. */
export function localDateTimeToInstant(date: LocalDate, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, h, mi, timeZone).getTime());
}
