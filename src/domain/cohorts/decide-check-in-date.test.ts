import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { addLocalDays } from '../time/studio-week';
import { DEFAULT_CHECK_IN_BACKFILL_DAYS, decideCheckInDate } from './decide-check-in-date';

describe('check-in backfill window', () => {
  it('allows today and the previous two days by default', () => {
    const today = '2026-03-30';
    expect(decideCheckInDate(today, today, DEFAULT_CHECK_IN_BACKFILL_DAYS)).toEqual({
      earliestDate: '2026-03-28',
      latestDate: today,
    });
    expect(decideCheckInDate('2026-03-28', today, 2)).not.toBeInstanceOf(DomainError);
    const tooOld = decideCheckInDate('2026-03-27', today, 2) as DomainError;
    expect(tooOld.code).toBe('CHECK_IN_WINDOW_CLOSED');
    expect(tooOld.message).toContain('previous 2 days');
    expect((decideCheckInDate('2026-03-31', today, 2) as DomainError).code).toBe('CHECK_IN_WINDOW_CLOSED');
  });

  it('crosses month and DST boundaries as calendar days', () => {
    expect(decideCheckInDate('2026-03-29', '2026-03-31', 2)).not.toBeInstanceOf(DomainError);
    expect(decideCheckInDate('2026-10-25', '2026-10-26', 1)).not.toBeInstanceOf(DomainError);
    expect((decideCheckInDate('2026-02-28', '2026-03-02', 1) as DomainError).code).toBe('CHECK_IN_WINDOW_CLOSED');
  });

  it('accepts exactly the dates 0…backfill days before today', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: -30, max: 30 }),
        (n, backfill, daysAgo) => {
          const today = addLocalDays('2024-01-01', n);
          const result = decideCheckInDate(addLocalDays(today, -daysAgo), today, backfill);
          const allowed = daysAgo >= 0 && daysAgo <= backfill;
          expect(result instanceof DomainError).toBe(!allowed);
          if (result instanceof DomainError) expect(result.code).toBe('CHECK_IN_WINDOW_CLOSED');
        },
      ),
    );
  });
});
