import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addLocalDays,
  isLocalDate,
  localDateOf,
  startOfLocalDate,
  studioWeek,
  studioWeekOf,
  studioWeeksFrom,
  weekOfLocalDate,
} from './studio-week';

const LONDON = 'Europe/London';
const HOUR = 3_600_000;

describe('studio weeks', () => {
  it('the week of 29 March 2026 (clocks go forward) runs Mon 00:00 GMT → Mon 00:00 BST, 167 hours', () => {
    const week = studioWeek(studioWeekOf(new Date('2026-03-29T12:00:00Z'), LONDON), LONDON);
    expect(week.weekStart).toBe('2026-03-23');
    expect(week.startsAt.toISOString()).toBe('2026-03-23T00:00:00.000Z');
    expect(week.endsAt.toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect((week.endsAt.getTime() - week.startsAt.getTime()) / HOUR).toBe(167);
  });

  it('the week of 25 October 2026 (clocks go back) runs Mon 00:00 BST → Mon 00:00 GMT, 169 hours', () => {
    const week = studioWeek(studioWeekOf(new Date('2026-10-25T12:00:00Z'), LONDON), LONDON);
    expect(week.weekStart).toBe('2026-10-19');
    expect(week.startsAt.toISOString()).toBe('2026-10-18T23:00:00.000Z');
    expect(week.endsAt.toISOString()).toBe('2026-10-26T00:00:00.000Z');
    expect((week.endsAt.getTime() - week.startsAt.getTime()) / HOUR).toBe(169);
  });

  it('an instant just before local midnight on Sunday belongs to that week, midnight to the next', () => {
    expect(studioWeekOf(new Date('2026-03-29T22:59:59Z'), LONDON)).toBe('2026-03-23');
    expect(studioWeekOf(new Date('2026-03-29T23:00:00Z'), LONDON)).toBe('2026-03-30');
    // 23:30 UTC on Sunday is already Monday in Auckland
    expect(studioWeekOf(new Date('2026-06-07T23:30:00Z'), 'Pacific/Auckland')).toBe('2026-06-08');
  });

  it('consecutive weeks tile time with no gap or overlap, and every instant falls in its own week', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
        fc.constantFrom(LONDON, 'America/New_York', 'Australia/Sydney', 'UTC'),
        (instant, zone) => {
          const [first, second] = studioWeeksFrom(instant, zone, 1);
          expect(first!.endsAt.getTime()).toBe(second!.startsAt.getTime());
          expect(first!.startsAt.getTime()).toBeLessThanOrEqual(instant.getTime());
          expect(instant.getTime()).toBeLessThan(first!.endsAt.getTime());
          expect(localDateOf(first!.startsAt, zone)).toBe(first!.weekStart);
          expect(weekOfLocalDate(localDateOf(instant, zone))).toBe(first!.weekStart);
        },
      ),
    );
  });

  it('calendar helpers', () => {
    expect(addLocalDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(startOfLocalDate('2026-07-01', LONDON).toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });
});
