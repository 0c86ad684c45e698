import { generateScheduleSlots, MAX_SCHEDULE_DAYS } from '../sessions/generate-schedule';
import { localDaysBetween } from '../time/studio-week';
import { utcToWallClock, WEEKDAY_CODES, type WeekdayCode } from '../time/wall-clock';

export interface PatternEvent {
  externalId: string;
  classKey: string;
  coachKey: string;
  start: Date;
  durationMins: number;
  timeZone: string;
}

export interface RecognisedPattern {
  /** Stable across re-runs of the same export: class, coach, time, days, zone. */
  key: string;
  classKey: string;
  coachKey: string;
  daysOfWeek: WeekdayCode[];
  localTime: string;
  fromDate: string;
  toDate: string;
  timeZone: string;
  durationMins: number;
  eventIds: string[];
  /** Slots of the pattern with no event in the export (bank holidays, a week off). */
  gaps: number;
}

/** A weekday joins a pattern when the class ran on it at least this many weeks. */
export const MIN_WEEKS_FOR_PATTERN = 3;

/**
 * Finds the weekly timetable in a list of future classes: the same class, coach, wall-clock
 * time (in the venue's zone, so 06:30 stays 06:30 across clock changes) and length on the same
 * weekdays, week after week. "HIIT Mon–Fri 06:30 with Gav" becomes one schedule instead of
 * hundreds of loose sessions; events that fit no pattern stay single sessions. The pattern's
 * slots are generated with the schedule rule the sessions area uses, so gaps are counted the
 * way a schedule created by hand would see them.
 */
export function recogniseWeeklyPatterns(events: readonly PatternEvent[]): {
  patterns: RecognisedPattern[];
  looseEventIds: string[];
} {
  const groups = new Map<string, Array<PatternEvent & { date: string; weekday: WeekdayCode }>>();
  for (const e of events) {
    const wall = utcToWallClock(e.start, e.timeZone);
    const key = [e.classKey, e.coachKey, wall.time, e.durationMins, e.timeZone].join('|');
    groups.set(key, [...(groups.get(key) ?? []), { ...e, date: wall.date, weekday: wall.weekday }]);
  }
  const patterns: RecognisedPattern[] = [];
  const loose: string[] = [];
  for (const [groupKey, list] of groups) {
    const perDay = new Map<WeekdayCode, number>();
    for (const e of list) perDay.set(e.weekday, (perDay.get(e.weekday) ?? 0) + 1);
    const days = WEEKDAY_CODES.filter((d) => (perDay.get(d) ?? 0) >= MIN_WEEKS_FOR_PATTERN);
    const members = list.filter((e) => days.includes(e.weekday)).sort((a, b) => a.start.getTime() - b.start.getTime());
    const first = members[0];
    const last = members[members.length - 1];
    if (!first || !last || localDaysBetween(first.date, last.date) >= MAX_SCHEDULE_DAYS) {
      loose.push(...list.map((e) => e.externalId));
      continue;
    }
    loose.push(...list.filter((e) => !days.includes(e.weekday)).map((e) => e.externalId));
    const wall = utcToWallClock(first.start, first.timeZone);
    const slots = generateScheduleSlots({
      daysOfWeek: days,
      localTime: wall.time,
      fromDate: first.date,
      toDate: last.date,
      durationMins: first.durationMins,
      timeZone: first.timeZone,
    });
    const expected = Array.isArray(slots) ? slots.length : members.length;
    patterns.push({
      key: `${groupKey}|${days.join(',')}`,
      classKey: first.classKey,
      coachKey: first.coachKey,
      daysOfWeek: days,
      localTime: wall.time,
      fromDate: first.date,
      toDate: last.date,
      timeZone: first.timeZone,
      durationMins: first.durationMins,
      eventIds: members.map((e) => e.externalId),
      gaps: Math.max(0, expected - members.length),
    });
  }
  return { patterns, looseEventIds: loose };
}
