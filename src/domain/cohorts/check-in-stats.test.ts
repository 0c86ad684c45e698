import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLocalDays } from '../time/studio-week';
import { checkInCompliance, checkInStreak, missedCheckIns, recentCheckIns } from './check-in-stats';

const today = '2026-03-30';
const daysAgo = (...ns: number[]) => ns.map((n) => addLocalDays(today, -n));

describe('check-in streak', () => {
  it('counts consecutive days ending today or yesterday', () => {
    expect(checkInStreak(daysAgo(0, 1, 2, 4), today, 1)).toBe(3);
    expect(checkInStreak(daysAgo(1, 2, 3), today, 1)).toBe(3); // today is not over yet
    expect(checkInStreak(daysAgo(2, 3), today, 1)).toBe(0);
    expect(checkInStreak([], today, 1)).toBe(0);
  });

  it('follows the cadence', () => {
    expect(checkInStreak(daysAgo(1, 3, 5, 9), today, 2)).toBe(3);
    expect(checkInStreak(daysAgo(3), today, 2)).toBe(0);
  });

  it('crosses the spring DST change as calendar days', () => {
    expect(checkInStreak(['2026-03-28', '2026-03-29', '2026-03-30'], '2026-03-30', 1)).toBe(3);
  });
});

describe('check-in compliance', () => {
  it('does not count today until the client has checked in', () => {
    expect(checkInCompliance(daysAgo(1, 2), { from: addLocalDays(today, -2), to: today }, today, 1)).toEqual({
      expected: 2,
      done: 2,
      rate: 1,
    });
    expect(checkInCompliance(daysAgo(0, 2), { from: addLocalDays(today, -2), to: today }, today, 1)).toEqual({
      expected: 3,
      done: 2,
      rate: 2 / 3,
    });
    expect(checkInCompliance([], { from: today, to: today }, today, 1)).toEqual({ expected: 0, done: 0, rate: null });
  });

  it('counts missed check-ins over complete days since joining', () => {
    expect(missedCheckIns(daysAgo(1, 3), today, 1, 7, addLocalDays(today, -30))).toBe(5);
    expect(missedCheckIns([], today, 1, 7, addLocalDays(today, -2))).toBe(2);
    expect(missedCheckIns([], today, 1, 7, today)).toBe(0);
  });

  it('has one adherence: 100% only when nothing was missed in the same window', () => {
    const since = addLocalDays(today, -30);
    // Checked in yesterday and today only, after a week of nothing: not 100%, and 6 missed.
    const week = recentCheckIns(daysAgo(0, 1), today, 1, since);
    expect(week).toEqual({ expected: 8, done: 2, rate: 2 / 8 });
    expect(missedCheckIns(daysAgo(0, 1), today, 1, 7, since)).toBe(week.expected - week.done);
    expect(recentCheckIns(daysAgo(1, 2, 3, 4, 5, 6, 7), today, 1, since).rate).toBe(1);
    // Joined yesterday: only the days since count.
    expect(recentCheckIns(daysAgo(1), today, 1, addLocalDays(today, -1))).toEqual({ expected: 1, done: 1, rate: 1 });
  });

  it('always yields 0 ≤ done ≤ expected and a rate in [0, 1]; a streak never exceeds the check-ins', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -5, max: 40 })),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 30 }),
        (offsets, cadence, span) => {
          const dates = daysAgo(...offsets);
          const c = checkInCompliance(dates, { from: addLocalDays(today, -span), to: today }, today, cadence);
          expect(c.done).toBeGreaterThanOrEqual(0);
          expect(c.done).toBeLessThanOrEqual(c.expected);
          if (c.rate !== null) expect(c.rate >= 0 && c.rate <= 1).toBe(true);
          expect(checkInStreak(dates, today, cadence)).toBeLessThanOrEqual(dates.filter((d) => d <= today).length);
        },
      ),
    );
  });
});
