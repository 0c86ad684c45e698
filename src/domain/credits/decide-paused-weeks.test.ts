import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLocalDays, studioWeek } from '../time/studio-week';
import { decidePausedWeekCredits, isWeekPaused, pauseAsServed, type WeeklyGrantHeld } from './decide-paused-weeks';
import { decideWeeklyAllocations } from './decide-weekly-allocations';

const week = (weekStart: string, remaining: number, takenByPause = 0): WeeklyGrantHeld => ({
  grantId: `g-${weekStart}`,
  weekStart,
  remaining,
  takenByPause,
});
const TODAY = '2026-03-04'; // a Wednesday

describe('weekly credits and a pause for dates', () => {
  it('a week is paused only when the pause holds all of it, Monday to Sunday', () => {
    const pause = { from: '2026-03-09', until: '2026-03-22' };
    expect(isWeekPaused('2026-03-09', pause)).toBe(true);
    expect(isWeekPaused('2026-03-16', pause)).toBe(true);
    expect(isWeekPaused('2026-03-02', pause)).toBe(false);
    expect(isWeekPaused('2026-03-23', pause)).toBe(false);
    expect(isWeekPaused('2026-03-16', { from: '2026-03-10', until: '2026-03-22' })).toBe(true);
    expect(isWeekPaused('2026-03-09', { from: '2026-03-10', until: '2026-03-22' })).toBe(false);
    expect(isWeekPaused('2026-03-09', null)).toBe(false);
  });

  it('removes the unused credits of wholly paused weeks, never used ones, and leaves other weeks', () => {
    const grants = [week('2026-03-02', 3), week('2026-03-09', 3), week('2026-03-16', 2), week('2026-03-23', 3)];
    expect(decidePausedWeekCredits(grants, { from: '2026-03-09', until: '2026-03-25' }, TODAY)).toEqual([
      { grantId: 'g-2026-03-09', amount: -3 },
      { grantId: 'g-2026-03-16', amount: -2 },
    ]);
    // All used already: nothing to take.
    expect(
      decidePausedWeekCredits([week('2026-03-09', 0)], { from: '2026-03-09', until: '2026-03-15' }, TODAY),
    ).toEqual([]);
  });

  it('gives back exactly what a pause took from a week it no longer holds, and only then', () => {
    const grants = [week('2026-03-09', 0, 3), week('2026-03-16', 0, 2)];
    // Shortened to one week: the second comes back.
    expect(decidePausedWeekCredits(grants, { from: '2026-03-09', until: '2026-03-15' }, TODAY)).toEqual([
      { grantId: 'g-2026-03-16', amount: 2 },
    ]);
    // Ended: both come back; a week that has ended stays as it is.
    expect(decidePausedWeekCredits(grants, null, TODAY)).toEqual([
      { grantId: 'g-2026-03-09', amount: 3 },
      { grantId: 'g-2026-03-16', amount: 2 },
    ]);
    expect(decidePausedWeekCredits(grants, null, '2026-03-16')).toEqual([{ grantId: 'g-2026-03-16', amount: 2 }]);
  });

  it('is settled after one pass: deciding again on the result moves nothing', () => {
    const weeks = ['2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30'];
    const grant = fc.record({ remaining: fc.nat(5), takenByPause: fc.nat(5) });
    const day = fc.integer({ min: 0, max: 30 }).map((n) => addLocalDays('2026-03-05', n));
    fc.assert(
      fc.property(fc.array(grant, { minLength: 4, maxLength: 4 }), day, fc.nat(20), (held, from, length) => {
        const grants = held.map((h, i) => ({ ...week(weeks[i]!, h.remaining, h.takenByPause) }));
        const pause = { from, until: addLocalDays(from, length) };
        const moves = decidePausedWeekCredits(grants, pause, TODAY);
        const after = grants.map((g) => {
          const m = moves.find((x) => x.grantId === g.grantId)?.amount ?? 0;
          return { ...g, remaining: g.remaining + m, takenByPause: g.takenByPause - m };
        });
        expect(decidePausedWeekCredits(after, pause, TODAY)).toEqual([]);
        for (const m of moves) {
          const g = grants.find((x) => x.grantId === m.grantId)!;
          // Never more than is unused is taken, never more than was taken is given back.
          expect(m.amount < 0 ? -m.amount <= g.remaining : m.amount <= g.takenByPause).toBe(true);
        }
      }),
    );
  });

  it('a pause ended early counts only the days it held', () => {
    const pause = { from: '2026-03-09', until: '2026-03-22' };
    expect(pauseAsServed(pause, '2026-03-11')).toEqual({ from: '2026-03-09', until: '2026-03-10' });
    expect(pauseAsServed(pause, '2026-03-23')).toEqual(pause);
    expect(pauseAsServed(pause, '2026-03-25')).toEqual(pause);
    expect(pauseAsServed(pause, '2026-03-09')).toBeNull();
    expect(pauseAsServed(null, '2026-03-09')).toBeNull();
  });

  it('the weekly job grants nothing for a week wholly inside a booked pause', () => {
    const m = {
      membershipId: 'm',
      userId: 'u',
      planName: 'P',
      creditsPerWeek: 3,
      startDate: '2026-03-02',
      endDate: null,
    };
    const weeks = ['2026-03-09', '2026-03-16', '2026-03-23'].map((w) => studioWeek(w, 'Europe/London'));
    const granted = decideWeeklyAllocations(
      [{ ...m, pause: { from: '2026-03-12', until: '2026-03-22' } }],
      weeks,
      'Europe/London',
    );
    expect(granted.map((g) => g.weekStart)).toEqual(['2026-03-09', '2026-03-23']);
  });
});
