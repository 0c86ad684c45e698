import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLocalDays } from '../time/studio-week';
import { zonedDateTimeToUtc } from '../time/wall-clock';
import { cohortDayAt, cohortDayOn, cohortEndDate } from './cohort-calendar';

const LONDON = 'Europe/London';
const at = (iso: string) => new Date(iso);

describe('cohortDayAt across the spring DST change (cohort starting Mon 23 Mar 2026, Europe/London)', () => {
  const cohort = { startDate: '2026-03-23', weeks: 6 };

  it('is week 1 day 1 from local midnight of the start date', () => {
    expect(cohortDayAt(cohort, at('2026-03-23T00:00:00Z'), LONDON)).toMatchObject({
      week: 1,
      dayOfWeek: 1,
      phase: 'RUNNING',
    });
    expect(cohortDayAt(cohort, at('2026-03-22T23:59:59Z'), LONDON)).toMatchObject({
      week: null,
      phase: 'UPCOMING',
      dayNumber: 0,
    });
  });

  it('keeps Sunday 29 March (a 23-hour day) in week 1 and starts week 2 at 00:00 BST on Monday', () => {
    expect(cohortDayAt(cohort, at('2026-03-29T22:59:00Z'), LONDON)).toMatchObject({
      week: 1,
      dayOfWeek: 7,
      date: '2026-03-29',
    });
    // 23:30 UTC on Sunday is already 00:30 on Monday in London: a UTC calendar would still say week 1.
    expect(cohortDayAt(cohort, at('2026-03-29T23:30:00Z'), LONDON)).toMatchObject({
      week: 2,
      dayOfWeek: 1,
      date: '2026-03-30',
      weekStartDate: '2026-03-30',
      weekEndDate: '2026-04-05',
    });
  });

  it('counts the last week and ends after the 42nd day', () => {
    expect(cohortEndDate('2026-03-23', 6)).toBe('2026-05-03');
    expect(cohortDayAt(cohort, at('2026-05-03T22:59:00Z'), LONDON)).toMatchObject({
      week: 6,
      dayOfWeek: 7,
      phase: 'RUNNING',
    });
    expect(cohortDayAt(cohort, at('2026-05-03T23:00:00Z'), LONDON)).toMatchObject({
      week: null,
      phase: 'ENDED',
      dayNumber: 43,
    });
  });
});

describe('cohortDayAt across the autumn DST change (cohort starting Mon 19 Oct 2026, Europe/London)', () => {
  const cohort = { startDate: '2026-10-19', weeks: 8 };

  it('starts at 00:00 BST, i.e. 23:00 UTC the day before', () => {
    expect(cohortDayAt(cohort, at('2026-10-18T23:00:00Z'), LONDON)).toMatchObject({ week: 1, dayOfWeek: 1 });
    expect(cohortDayAt(cohort, at('2026-10-18T22:59:59Z'), LONDON)).toMatchObject({ phase: 'UPCOMING' });
  });

  it('keeps Sunday 25 October (a 25-hour day) in week 1 to its last minute', () => {
    // Exactly 7 × 24 h after the start instant is 23:00 GMT on Sunday: still week 1.
    expect(cohortDayAt(cohort, at('2026-10-25T23:00:00Z'), LONDON)).toMatchObject({ week: 1, dayOfWeek: 7 });
    expect(cohortDayAt(cohort, at('2026-10-25T23:59:59Z'), LONDON)).toMatchObject({ week: 1, dayOfWeek: 7 });
    expect(cohortDayAt(cohort, at('2026-10-26T00:00:00Z'), LONDON)).toMatchObject({ week: 2, dayOfWeek: 1 });
  });
});

describe('cohorts starting mid-week', () => {
  it('counts weeks from the cohort start, not calendar weeks', () => {
    const cohort = { startDate: '2026-03-25', weeks: 2 }; // a Wednesday
    expect(cohortDayOn(cohort, '2026-03-30')).toMatchObject({ week: 1, dayOfWeek: 6 }); // Monday
    expect(cohortDayOn(cohort, '2026-04-01')).toMatchObject({
      week: 2,
      dayOfWeek: 1,
      weekStartDate: '2026-04-01',
      weekEndDate: '2026-04-07',
    });
    expect(cohortDayOn(cohort, '2026-04-07')).toMatchObject({ week: 2, dayOfWeek: 7 });
    expect(cohortDayOn(cohort, '2026-04-08')).toMatchObject({ phase: 'ENDED', week: null });
  });

  it('never ends when open-ended', () => {
    expect(cohortDayOn({ startDate: '2026-01-01', weeks: null }, '2036-01-01')).toMatchObject({
      phase: 'RUNNING',
      endDate: null,
      week: 522,
    });
  });
});

const zones = fc.constantFrom(
  'Europe/London',
  'America/New_York',
  'Australia/Sydney',
  'America/Santiago',
  'Asia/Kolkata',
  'UTC',
);
const startDates = fc.integer({ min: 0, max: 365 * 12 }).map((n) => addLocalDays('2024-01-01', n));
const times = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

describe('cohortDayAt properties', () => {
  it('any instant on local day d of the cohort is week ⌊d/7⌋+1, day d mod 7 + 1, whatever the zone and DST', () => {
    fc.assert(
      fc.property(
        startDates,
        fc.integer({ min: 1, max: 52 }),
        fc.integer({ min: -20, max: 400 }),
        times,
        zones,
        (start, weeks, offset, time, zone) => {
          const date = addLocalDays(start, offset);
          const instant = zonedDateTimeToUtc(date, time, zone);
          const day = cohortDayAt({ startDate: start, weeks }, instant, zone);
          expect(day.date).toBe(date);
          expect(day.dayNumber).toBe(offset + 1);
          if (offset < 0) expect(day.phase).toBe('UPCOMING');
          else if (offset >= weeks * 7) expect(day.phase).toBe('ENDED');
          else {
            expect(day.week).toBe(Math.floor(offset / 7) + 1);
            expect(day.dayOfWeek).toBe((offset % 7) + 1);
            expect(day.weekStartDate! <= date && date <= day.weekEndDate!).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never goes backwards in time and moves by at most one week per local day', () => {
    fc.assert(
      fc.property(startDates, zones, fc.integer({ min: 0, max: 60 }), (start, zone, hoursStep) => {
        const cohort = { startDate: start, weeks: null };
        let previous = cohortDayAt(cohort, zonedDateTimeToUtc(start, '00:00', zone), zone);
        expect(previous.week).toBe(1);
        const begin = zonedDateTimeToUtc(start, '00:00', zone).getTime();
        for (let h = 1; h < 24 * 30; h += 1 + hoursStep) {
          const next = cohortDayAt(cohort, new Date(begin + h * 3_600_000), zone);
          expect(next.dayNumber).toBeGreaterThanOrEqual(previous.dayNumber);
          expect(next.week! - previous.week!).toBeLessThanOrEqual(1);
          previous = next;
        }
      }),
      { numRuns: 100 },
    );
  });
});
