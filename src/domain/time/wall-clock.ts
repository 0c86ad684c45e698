import { TZDate } from '@date-fns/tz';
import { addLocalDays, type LocalDate } from './studio-week';

/*
 * Wall-clock times in the studio's time zone ("06:30" on a local date). The same local time
 * maps to different UTC instants on either side of a daylight-saving change; a weekly class at
 * 06:30 must stay at 06:30, so schedules go through these helpers, never through fixed offsets.
 */

/** A studio-local time of day, `HH:MM` (24 h). */
export type LocalTime = string;

export const WEEKDAY_CODES = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

/**
 * The instant at which the wall clock in `timeZone` reads `time` on `date`. A time skipped by a
 * spring-forward change (01:30 on the last Sunday of March in London) resolves to the wall time
 * one hour later, as clocks on the wall would show it.
 */
export function zonedDateTimeToUtc(date: LocalDate, time: LocalTime, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, timeZone).getTime());
}

/** What the wall clock and calendar in `timeZone` show at `instant`. */
export function utcToWallClock(
  instant: Date,
  timeZone: string,
): { date: LocalDate; time: LocalTime; weekday: WeekdayCode } {
  const z = new TZDate(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`,
    time: `${pad(z.getHours())}:${pad(z.getMinutes())}`,
    weekday: WEEKDAY_CODES[(z.getDay() + 6) % 7]!,
  };
}

/** The weekday of a calendar date (no time zone involved). */
export function weekdayOfLocalDate(date: LocalDate): WeekdayCode {
  return WEEKDAY_CODES[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
}

/** Every calendar date from `from` to `to`, both included (empty when `to` < `from`). */
export function localDatesFromTo(from: LocalDate, to: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let d = from; d <= to; d = addLocalDays(d, 1)) dates.push(d);
  return dates;
}
