import { addLocalDays, type LocalDate } from '../time/studio-week';
import {
  localDatesFromTo,
  utcToWallClock,
  weekdayOfLocalDate,
  zonedDateTimeToUtc,
  type LocalTime,
  type WeekdayCode,
} from '../time/wall-clock';

/** A stretch of a day in studio wall-clock time; `end` may be `24:00`. */
export interface TimeRange {
  start: LocalTime;
  end: LocalTime;
}

/** A coach's availability as stored: local times and dates, no instants. */
export interface Availability {
  weekly: ReadonlyArray<{ weekday: WeekdayCode } & TimeRange>;
  /** Other hours on a date; empty ranges = off that day. */
  overrides: ReadonlyArray<{ date: LocalDate; ranges: readonly TimeRange[] }>;
  /** Whole days off, both dates included. */
  timeOff: ReadonlyArray<{ fromDate: LocalDate; toDate: LocalDate }>;
}

export interface SlotService {
  durationMins: number;
  bufferBeforeMins: number;
  bufferAfterMins: number;
  startIntervalMins: number;
}

/** A time the coach is taken: another appointment's busy range, or a class they teach. */
export interface BusyRange {
  from: Date;
  until: Date;
}

export interface SlotQuery {
  service: SlotService;
  availability: Availability;
  busy: readonly BusyRange[];
  /** Studio-local days to look at, both included. */
  fromDate: LocalDate;
  toDate: LocalDate;
  timeZone: string;
  /** Earliest and latest start allowed (minimum notice, booking horizon: see bookingWindow). */
  notBefore: Date;
  notAfter: Date;
}

const MINUTE = 60_000;

/** The busy range of an appointment starting at `start`: buffers included. */
export function busyRangeOf(service: SlotService, start: Date): BusyRange & { end: Date } {
  const end = new Date(start.getTime() + service.durationMins * MINUTE);
  return {
    end,
    from: new Date(start.getTime() - service.bufferBeforeMins * MINUTE),
    until: new Date(end.getTime() + service.bufferAfterMins * MINUTE),
  };
}

export const overlaps = (a: BusyRange, b: BusyRange) => a.from < b.until && b.from < a.until;

/** The working ranges of one date: its override if it has one, else the weekly hours of its weekday. */
export function rangesOn(availability: Availability, date: LocalDate): readonly TimeRange[] {
  if (availability.timeOff.some((t) => t.fromDate <= date && date <= t.toDate)) return [];
  const override = availability.overrides.find((o) => o.date === date);
  if (override) return override.ranges;
  const weekday = weekdayOfLocalDate(date);
  return availability.weekly.filter((w) => w.weekday === weekday);
}

/** A range of a date as instants in the studio zone (24:00 = the next day's midnight). */
export function rangeInstants(date: LocalDate, range: TimeRange, timeZone: string): BusyRange {
  const until =
    range.end === '24:00'
      ? zonedDateTimeToUtc(addLocalDays(date, 1), '00:00', timeZone)
      : zonedDateTimeToUtc(date, range.end, timeZone);
  return { from: zonedDateTimeToUtc(date, range.start, timeZone), until };
}

const toMinutes = (time: LocalTime) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const toTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The free start instants of one coach for a service. Start times are wall-clock times on the
 * service's grid (every 15/30/60 minutes from local midnight), turned into instants in the studio
 * zone one by one — so 09:00 stays 09:00 on the days the clocks change, and a wall time the
 * spring-forward skips is no slot. A slot's appointment lies inside one working range; its busy
 * range (buffers included) overlaps nothing in `busy`; its start is within [notBefore, notAfter].
 */
export function generateSlots(query: SlotQuery): Date[] {
  const { service, timeZone } = query;
  const slots: Date[] = [];
  for (const date of localDatesFromTo(query.fromDate, query.toDate)) {
    for (const range of rangesOn(query.availability, date)) {
      const working = rangeInstants(date, range, timeZone);
      const first = Math.ceil(toMinutes(range.start) / service.startIntervalMins) * service.startIntervalMins;
      for (let m = first; m < toMinutes(range.end); m += service.startIntervalMins) {
        const start = zonedDateTimeToUtc(date, toTime(m), timeZone);
        if (utcToWallClock(start, timeZone).time !== toTime(m)) continue; // skipped by a clock change
        const busy = busyRangeOf(service, start);
        if (start < working.from || busy.end > working.until) continue;
        if (start < query.notBefore || start > query.notAfter) continue;
        if (query.busy.some((b) => overlaps(b, busy))) continue;
        slots.push(start);
      }
    }
  }
  return slots.sort((a, b) => a.getTime() - b.getTime());
}

/** When a client may book a start: not before the minimum notice, not after the horizon. */
export function bookingWindow(
  rules: { minNoticeHours: number; bookingHorizonDays: number },
  now: Date,
): { notBefore: Date; notAfter: Date } {
  return {
    notBefore: new Date(now.getTime() + rules.minNoticeHours * 60 * MINUTE),
    notAfter: new Date(now.getTime() + rules.bookingHorizonDays * 24 * 60 * MINUTE),
  };
}
