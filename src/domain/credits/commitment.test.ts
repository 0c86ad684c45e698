import { describe, expect, it } from 'vitest';
import { addLocalMonths, commitmentEndsOn, endsWithinCommitment } from './commitment';

describe('a monthly plan’s minimum commitment', () => {
  it('ends its months after the start, kept within a shorter month', () => {
    expect(commitmentEndsOn('2026-03-04', 6)).toBe('2026-09-04');
    expect(commitmentEndsOn('2026-03-04', null)).toBeNull();
    expect(addLocalMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addLocalMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addLocalMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('is kept by a last day of the day before it ends, and broken by any earlier one', () => {
    expect(endsWithinCommitment('2026-09-03', '2026-09-04')).toBe(false);
    expect(endsWithinCommitment('2026-09-04', '2026-09-04')).toBe(false);
    expect(endsWithinCommitment('2026-09-02', '2026-09-04')).toBe(true);
    expect(endsWithinCommitment('2026-04-04', '2026-09-04')).toBe(true);
    expect(endsWithinCommitment('2026-04-04', null)).toBe(false);
  });
});
