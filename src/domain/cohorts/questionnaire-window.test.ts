import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLocalDays } from '../time/studio-week';
import { zonedDateTimeToUtc } from '../time/wall-clock';
import {
  firstQuestionnaireWeekFor,
  openQuestionnaireWeek,
  questionnaireStatus,
  questionnaireWeekAt,
  questionnaireWindow,
} from './questionnaire-window';

const LONDON = 'Europe/London';
const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

describe('questionnaire window across the spring DST change (Mon 23 Mar 2026)', () => {
  const cohort = { startDate: '2026-03-23', weeks: 6, questionnaireOpensDaysBeforeWeekEnd: 1 };

  it('opens at 00:00 on the last day of week 1 and closes at the end of the second day of week 2', () => {
    const w = questionnaireWindow(cohort, 1, LONDON);
    expect(w).toEqual({
      week: 1,
      opensOn: '2026-03-29',
      lastOpenDay: '2026-03-31',
      opensAt: at('2026-03-29T00:00:00Z'), // GMT: clocks change at 01:00 that day
      closesAt: at('2026-03-31T23:00:00Z'), // 00:00 BST on Wednesday 1 April
    });
    expect(w.closesAt.getTime() - w.opensAt.getTime()).toBe(71 * HOUR);
  });

  it('moves through NOT_OPEN → OPEN → MISSED at those instants, and SUBMITTED wins', () => {
    const w = questionnaireWindow(cohort, 1, LONDON);
    expect(questionnaireStatus(w, new Date(w.opensAt.getTime() - 1), false)).toBe('NOT_OPEN');
    expect(questionnaireStatus(w, w.opensAt, false)).toBe('OPEN');
    expect(questionnaireStatus(w, new Date(w.closesAt.getTime() - 1), false)).toBe('OPEN');
    expect(questionnaireStatus(w, w.closesAt, false)).toBe('MISSED');
    expect(questionnaireStatus(w, w.closesAt, true)).toBe('SUBMITTED');
  });

  it('shows the previous week during the first two days of a week until it is submitted', () => {
    const monday = at('2026-03-30T08:00:00Z');
    expect(questionnaireWeekAt(cohort, monday, LONDON, new Set())).toBe(1);
    expect(questionnaireWeekAt(cohort, monday, LONDON, new Set([1]))).toBe(2);
    expect(questionnaireWeekAt(cohort, at('2026-04-01T08:00:00Z'), LONDON, new Set())).toBe(2); // Wednesday
    expect(openQuestionnaireWeek(cohort, at('2026-03-31T22:59:00Z'), LONDON)).toBe(1);
    expect(openQuestionnaireWeek(cohort, at('2026-03-31T23:00:00Z'), LONDON)).toBeNull();
  });
});

describe('questionnaire window across the autumn DST change (Mon 19 Oct 2026)', () => {
  const cohort = { startDate: '2026-10-19', weeks: 8, questionnaireOpensDaysBeforeWeekEnd: 1 };

  it('opens 00:00 BST Sunday 25 October and closes 00:00 GMT Wednesday 28 October: 73 hours', () => {
    const w = questionnaireWindow(cohort, 1, LONDON);
    expect(w.opensAt).toEqual(at('2026-10-24T23:00:00Z'));
    expect(w.closesAt).toEqual(at('2026-10-28T00:00:00Z'));
    expect(w.closesAt.getTime() - w.opensAt.getTime()).toBe(73 * HOUR);
    expect(openQuestionnaireWeek(cohort, at('2026-10-24T23:30:00Z'), LONDON)).toBe(1);
    expect(openQuestionnaireWeek(cohort, at('2026-10-24T22:59:00Z'), LONDON)).toBeNull();
  });

  it('opens earlier when the cohort says so', () => {
    const w = questionnaireWindow({ ...cohort, questionnaireOpensDaysBeforeWeekEnd: 3 }, 1, LONDON);
    expect(w.opensOn).toBe('2026-10-23');
    expect(w.opensAt).toEqual(at('2026-10-22T23:00:00Z'));
  });
});

describe('the last week and mid-week starts', () => {
  const cohort = { startDate: '2026-06-03', weeks: 6, questionnaireOpensDaysBeforeWeekEnd: 1 }; // a Wednesday

  it("keeps the last week's questionnaire open for two days after the cohort ends, then it is missed", () => {
    const w = questionnaireWindow(cohort, 6, LONDON);
    expect(w.opensOn).toBe('2026-07-14'); // the cohort's last day (a Tuesday)
    expect(w.lastOpenDay).toBe('2026-07-16');
    const afterEnd = at('2026-07-15T10:00:00Z');
    expect(questionnaireWeekAt(cohort, afterEnd, LONDON, new Set())).toBe(6);
    expect(openQuestionnaireWeek(cohort, afterEnd, LONDON)).toBe(6);
    expect(openQuestionnaireWeek(cohort, at('2026-07-17T10:00:00Z'), LONDON)).toBeNull();
    expect(questionnaireStatus(w, at('2026-07-17T10:00:00Z'), false)).toBe('MISSED');
  });

  it('does not offer a week from before the client joined', () => {
    const joinedOn = '2026-06-17'; // day 1 of week 3
    const firstWeek = firstQuestionnaireWeekFor(cohort, joinedOn);
    expect(firstWeek).toBe(3);
    const dayOneOfWeek3 = at('2026-06-17T10:00:00Z'); // week 2 is in its grace days
    expect(questionnaireWeekAt(cohort, dayOneOfWeek3, LONDON, new Set())).toBe(2);
    expect(questionnaireWeekAt(cohort, dayOneOfWeek3, LONDON, new Set(), firstWeek)).toBe(3);
    expect(firstQuestionnaireWeekFor(cohort, '2026-05-20')).toBe(1);
    expect(firstQuestionnaireWeekFor(cohort, '2026-08-01')).toBe(6);
  });

  it('shows week 1, not open, before the start', () => {
    expect(questionnaireWeekAt(cohort, at('2026-05-01T10:00:00Z'), LONDON, new Set())).toBe(1);
    expect(openQuestionnaireWeek(cohort, at('2026-05-01T10:00:00Z'), LONDON)).toBeNull();
  });
});

const zones = fc.constantFrom('Europe/London', 'America/New_York', 'Australia/Sydney', 'America/Santiago', 'UTC');
const startDates = fc.integer({ min: 0, max: 365 * 10 }).map((n) => addLocalDays('2025-01-01', n));

describe('questionnaire window properties', () => {
  it('windows contain the week end, never overlap, and last (k + 2) days ± the DST hour', () => {
    fc.assert(
      fc.property(
        startDates,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 51 }),
        zones,
        (start, k, week, zone) => {
          const cohort = { startDate: start, weeks: 52, questionnaireOpensDaysBeforeWeekEnd: k };
          const w = questionnaireWindow(cohort, week, zone);
          const next = questionnaireWindow(cohort, week + 1, zone);
          const weekEnd = addLocalDays(start, week * 7 - 1);
          expect(w.opensOn <= weekEnd && weekEnd < w.lastOpenDay).toBe(true);
          expect(w.closesAt.getTime()).toBeLessThanOrEqual(next.opensAt.getTime());
          const hours = (w.closesAt.getTime() - w.opensAt.getTime()) / HOUR;
          expect(Math.abs(hours - (k + 2) * 24)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('at any local time of any day, the open week (if any) is the one whose window holds that instant', () => {
    fc.assert(
      fc.property(
        startDates,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: -3, max: 6 * 7 + 5 }),
        fc.integer({ min: 0, max: 23 }),
        zones,
        (start, k, offset, hour, zone) => {
          const cohort = { startDate: start, weeks: 6, questionnaireOpensDaysBeforeWeekEnd: k };
          const now = zonedDateTimeToUtc(addLocalDays(start, offset), `${String(hour).padStart(2, '0')}:15`, zone);
          const open = openQuestionnaireWeek(cohort, now, zone);
          for (let week = 1; week <= 6; week++) {
            const w = questionnaireWindow(cohort, week, zone);
            const inside = now >= w.opensAt && now < w.closesAt;
            expect(inside).toBe(open === week);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
