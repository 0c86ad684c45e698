import { describe, expect, it } from 'vitest';
import { recogniseWeeklyPatterns, type PatternEvent } from './recognise-weekly-patterns';

const LONDON = 'Europe/London';
/** 06:30 London on the given March 2026 days (clocks go forward on the 29th). */
const at = (day: number) => new Date(Date.UTC(2026, 2, day, day >= 29 ? 5 : 6, 30));
const event = (id: string, day: number, coachKey = 'gav'): PatternEvent => ({
  externalId: id,
  classKey: 'hiit',
  coachKey,
  start: at(day),
  durationMins: 25,
  timeZone: LONDON,
});

describe('weekly patterns in future classes', () => {
  it('groups the same class, coach and wall-clock time week after week, across the clock change', () => {
    // Mondays 16, 23, 30 March and 6 April; Wednesdays 18, 25 March, 1 April (8 April off).
    const events = [16, 23, 30, 37].map((d) => event(`m${d}`, d)).concat([18, 25, 32].map((d) => event(`w${d}`, d)));
    const { patterns, looseEventIds } = recogniseWeeklyPatterns(events);
    expect(patterns).toHaveLength(1);
    expect(patterns[0]).toMatchObject({
      daysOfWeek: ['MON', 'WED'],
      localTime: '06:30',
      fromDate: '2026-03-16',
      toDate: '2026-04-06',
      gaps: 0,
    });
    expect(patterns[0]!.eventIds).toHaveLength(7);
    expect(looseEventIds).toEqual([]);
  });

  it('counts a missing week as a gap and leaves one-off classes loose', () => {
    const events = [16, 30, 37].map((d) => event(`m${d}`, d)).concat([event('once', 19), event('other', 23, 'rory')]);
    const { patterns, looseEventIds } = recogniseWeeklyPatterns(events);
    expect(patterns).toHaveLength(1);
    expect(patterns[0]).toMatchObject({ daysOfWeek: ['MON'], gaps: 1 });
    expect(looseEventIds.sort()).toEqual(['once', 'other']);
  });
});
