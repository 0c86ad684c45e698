import { describe, expect, it } from 'vitest';
import { decideScheduledEnd, lastPaidDay } from './scheduled-end';

const running = { startDate: '2026-03-04', endDate: null, endsOn: null };

describe('a monthly plan cancelled at the period end in the portal', () => {
  it('is paid for up to the day holding its last paid moment, in the studio time zone', () => {
    expect(lastPaidDay(new Date('2027-01-01T00:00:00Z'), 'Europe/London')).toBe('2026-12-31');
    expect(lastPaidDay(new Date('2026-04-04T09:00:00Z'), 'Europe/London')).toBe('2026-04-04');
    // Midnight in London in summer is 23:00 UTC the day before.
    expect(lastPaidDay(new Date('2026-07-31T23:00:00Z'), 'Europe/London')).toBe('2026-07-31');
  });

  it('ends on that day; undoing it renews again; the same state twice changes nothing', () => {
    expect(decideScheduledEnd(running, '2026-12-31')).toEqual({ endsOn: '2026-12-31', endDate: '2026-12-31' });
    const ending = { ...running, endDate: '2026-12-31', endsOn: '2026-12-31' };
    expect(decideScheduledEnd(ending, '2026-12-31')).toBeNull();
    expect(decideScheduledEnd(ending, null)).toEqual({ endsOn: null, endDate: null });
    expect(decideScheduledEnd(running, null)).toBeNull();
  });

  it('moves its own end date, and never one set otherwise', () => {
    const ending = { ...running, endDate: '2026-12-31', endsOn: '2026-12-31' };
    expect(decideScheduledEnd(ending, '2027-01-31')).toEqual({ endsOn: '2027-01-31', endDate: '2027-01-31' });
    const endedEarlier = { ...running, endDate: '2026-11-30', endsOn: '2026-12-31' };
    expect(decideScheduledEnd(endedEarlier, null)).toEqual({ endsOn: null, endDate: '2026-11-30' });
    expect(decideScheduledEnd({ ...running, endDate: '2026-11-30' }, '2026-12-31')).toEqual({
      endsOn: '2026-12-31',
      endDate: '2026-11-30',
    });
  });

  it('never ends before the day before it starts', () => {
    expect(decideScheduledEnd(running, '2026-01-01')).toEqual({ endsOn: '2026-03-03', endDate: '2026-03-03' });
  });
});
