import { TZDate, tz } from '@date-fns/tz';
import { addDays, addWeeks, format, startOfDay, startOfWeek } from 'date-fns';

/**
 * Studio-timezone calendar maths. Weeks run Monday 00:00 → next Monday 00:00 in the studio's
 * time zone; instants are UTC `Date`s. Everything goes through @date-fns/tz so DST weeks have
 * their true length (167 or 169 hours in Europe/London) instead of a fixed 7 × 24 h.
 */

/** A calendar date in the studio time zone, as `YYYY-MM-DD`. */
export type LocalDate = string;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isLocalDate(value: string): value is LocalDate {
  if (!LOCAL_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** The studio-local calendar date an instant falls on. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return format(new TZDate(instant.getTime(), timeZone), 'yyyy-MM-dd');
}

/** The instant a studio-local date begins (00:00 local, whatever the UTC offset that day). */
export function startOfLocalDate(date: LocalDate, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(startOfDay(new TZDate(y, m - 1, d, timeZone)).getTime());
}

/** `date` plus `days` calendar days (no time zone involved: calendar arithmetic). */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const utc = new Date(`${date}T00:00:00Z`);
  return addDays(utc, days).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function localDaysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The Monday (studio-local date) of the studio week an instant falls in. */
export function studioWeekOf(instant: Date, timeZone: string): LocalDate {
  return format(startOfWeek(instant, { weekStartsOn: 1, in: tz(timeZone) }), 'yyyy-MM-dd');
}

/** The Monday of the studio week a local date falls in. */
export function weekOfLocalDate(date: LocalDate): LocalDate {
  const utc = new Date(`${date}T00:00:00Z`);
  const mondayOffset = (utc.getUTCDay() + 6) % 7;
  return addLocalDays(date, -mondayOffset);
}

export interface StudioWeek {
  /** The Monday, studio-local. */
  weekStart: LocalDate;
  /** Monday 00:00 studio time, as an instant. */
  startsAt: Date;
  /** The next Monday 00:00 studio time (exclusive end). */
  endsAt: Date;
}

/** The boundaries of the studio week that starts on `weekStart` (a Monday). */
export function studioWeek(weekStart: LocalDate, timeZone: string): StudioWeek {
  const startsAt = startOfLocalDate(weekStart, timeZone);
  const endsAt = new Date(addWeeks(new TZDate(startsAt.getTime(), timeZone), 1).getTime());
  return { weekStart, startsAt, endsAt };
}

/** The studio week containing `now` and the `weeksAhead` weeks after it, in order. */
export function studioWeeksFrom(now: Date, timeZone: string, weeksAhead: number): StudioWeek[] {
  const first = studioWeekOf(now, timeZone);
  return Array.from({ length: weeksAhead + 1 }, (_, i) => studioWeek(addLocalDays(first, 7 * i), timeZone));
}
