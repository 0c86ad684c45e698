import { DomainError } from '../shared/domain-error';
import { localDaysBetween, type LocalDate } from '../time/studio-week';
import {
  localDatesFromTo,
  weekdayOfLocalDate,
  zonedDateTimeToUtc,
  type LocalTime,
  type WeekdayCode,
} from '../time/wall-clock';

export const MAX_SCHEDULE_DAYS = 366;

export interface WeeklyPattern {
  daysOfWeek: readonly WeekdayCode[];
  localTime: LocalTime;
  fromDate: LocalDate;
  toDate: LocalDate;
  durationMins: number;
  timeZone: string;
}

export interface Slot {
  startTime: Date;
  endTime: Date;
}

/**
 * The sessions a weekly pattern stands for: every chosen weekday between the two dates (both
 * included) at the same wall-clock time in the studio's time zone — 06:30 stays 06:30 when the
 * clocks change, so the UTC instant moves by an hour.
 */
export function generateScheduleSlots(pattern: WeeklyPattern): Slot[] | DomainError {
  if (pattern.daysOfWeek.length === 0)
    return new DomainError('VALIDATION_ERROR', 'daysOfWeek: choose at least one day');
  if (pattern.toDate < pattern.fromDate)
    return new DomainError('VALIDATION_ERROR', 'toDate: must not be before fromDate');
  if (localDaysBetween(pattern.fromDate, pattern.toDate) >= MAX_SCHEDULE_DAYS) {
    return new DomainError('VALIDATION_ERROR', `toDate: a schedule can span at most ${MAX_SCHEDULE_DAYS} days`);
  }
  const days = new Set(pattern.daysOfWeek);
  return localDatesFromTo(pattern.fromDate, pattern.toDate)
    .filter((date) => days.has(weekdayOfLocalDate(date)))
    .map((date) => {
      const startTime = zonedDateTimeToUtc(date, pattern.localTime, pattern.timeZone);
      return { startTime, endTime: new Date(startTime.getTime() + pattern.durationMins * 60_000) };
    });
}

/** Slots whose start is not already taken (by `taken`, start instants in ms), in order. */
export function slotsToCreate(slots: readonly Slot[], taken: ReadonlySet<number>): Slot[] {
  return slots.filter((s) => !taken.has(s.startTime.getTime()));
}
