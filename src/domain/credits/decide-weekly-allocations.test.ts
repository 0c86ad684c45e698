import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLocalDays, startOfLocalDate, studioWeek, studioWeeksFrom } from '../time/studio-week';
import { allocationWeeks } from './allocation-horizon';
import { decideWeeklyAllocations, type AllocatableMembership } from './decide-weekly-allocations';

const LONDON = 'Europe/London';
const member = (over: Partial<AllocatableMembership> = {}): AllocatableMembership => ({
  membershipId: 'm1',
  userId: 'u1',
  planName: 'Committed',
  creditsPerWeek: 5,
  startDate: '2026-03-02',
  endDate: null,
  ...over,
});

describe('decideWeeklyAllocations', () => {
  it('grants a full week of credits valid for the whole studio week, across the spring DST change', () => {
    const [grant] = decideWeeklyAllocations([member()], [studioWeek('2026-03-23', LONDON)], LONDON);
    expect(grant).toMatchObject({
      weekStart: '2026-03-23',
      amount: 5,
      description: 'Weekly credits, week of 23 Mar (Committed)',
    });
    expect(grant!.validFrom.toISOString()).toBe('2026-03-23T00:00:00.000Z');
    expect(grant!.validUntil.toISOString()).toBe('2026-03-29T23:00:00.000Z');
  });

  it('uses the autumn DST week boundaries (Mon 00:00 BST → Mon 00:00 GMT)', () => {
    const [grant] = decideWeeklyAllocations([member()], [studioWeek('2026-10-19', LONDON)], LONDON);
    expect(grant!.validFrom.toISOString()).toBe('2026-10-18T23:00:00.000Z');
    expect(grant!.validUntil.toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });

  it('gives a membership starting mid-week the full credits of that week, usable from its first day', () => {
    const [grant] = decideWeeklyAllocations(
      [member({ startDate: '2026-03-04' })],
      [studioWeek('2026-03-02', LONDON)],
      LONDON,
    );
    expect(grant!.amount).toBe(5);
    expect(grant!.validFrom.toISOString()).toBe('2026-03-04T00:00:00.000Z');
    expect(grant!.validUntil.toISOString()).toBe('2026-03-09T00:00:00.000Z');
  });

  it('stops at the last day of a fixed term and grants nothing before the start or after the end', () => {
    const weeks = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23'].map((w) => studioWeek(w, LONDON));
    const grants = decideWeeklyAllocations([member({ startDate: '2026-03-09', endDate: '2026-03-18' })], weeks, LONDON);
    expect(grants.map((g) => g.weekStart)).toEqual(['2026-03-09', '2026-03-16']);
    expect(grants[1]!.validUntil.toISOString()).toBe('2026-03-19T00:00:00.000Z');
  });

  it('a provisional membership (Direct Debit pending) gets only the week it starts in', () => {
    const weeks = ['2026-03-02', '2026-03-09', '2026-03-16'].map((w) => studioWeek(w, LONDON));
    const grants = decideWeeklyAllocations([member({ startDate: '2026-03-04', provisional: true })], weeks, LONDON);
    expect(grants.map((g) => g.weekStart)).toEqual(['2026-03-02']);
    const confirmed = decideWeeklyAllocations([member({ startDate: '2026-03-04' })], weeks, LONDON);
    expect(confirmed.map((g) => g.weekStart)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
  });

  it('every window lies inside its week and inside the membership (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.option(fc.integer({ min: -1, max: 120 })),
        fc.integer({ min: 0, max: 400 }),
        (startOffset, length, nowOffset) => {
          const startDate = addLocalDays('2026-01-01', startOffset);
          const endDate = length === null ? null : addLocalDays(startDate, length);
          const weeks = studioWeeksFrom(
            new Date(Date.parse('2026-01-01T12:00:00Z') + nowOffset * 86_400_000),
            LONDON,
            3,
          );
          const grants = decideWeeklyAllocations([member({ startDate, endDate })], weeks, LONDON);
          // one grant per week the membership touches, never two for the same week
          expect(new Set(grants.map((g) => g.weekStart)).size).toBe(grants.length);
          for (const g of grants) {
            const week = weeks.find((w) => w.weekStart === g.weekStart)!;
            expect(g.validFrom < g.validUntil).toBe(true);
            expect(g.validFrom >= week.startsAt && g.validUntil <= week.endsAt).toBe(true);
            expect(g.validFrom >= startOfLocalDate(startDate, LONDON)).toBe(true);
            if (endDate !== null) expect(g.validUntil <= startOfLocalDate(addLocalDays(endDate, 1), LONDON)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('allocationWeeks', () => {
  const now = new Date('2026-03-04T10:00:00Z'); // Wednesday
  it('covers the current week and two weeks ahead by default', () => {
    expect(
      allocationWeeks({ now, longestBookingWindowHours: null, furthestOpenSessionStart: null }, LONDON).map(
        (w) => w.weekStart,
      ),
    ).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
  });
  it('follows the longest booking window of the class types, and a session already open further out', () => {
    expect(
      allocationWeeks({ now, longestBookingWindowHours: 24, furthestOpenSessionStart: null }, LONDON),
    ).toHaveLength(1);
    expect(
      allocationWeeks(
        { now, longestBookingWindowHours: 24, furthestOpenSessionStart: new Date('2026-03-24T06:30:00Z') },
        LONDON,
      ),
    ).toHaveLength(4);
    expect(
      allocationWeeks({ now, longestBookingWindowHours: 24 * 365, furthestOpenSessionStart: null }, LONDON),
    ).toHaveLength(13);
  });
});
