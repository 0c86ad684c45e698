import { describe, expect, it } from 'vitest';
import { ongoingHorizon } from './ongoing-schedule';

describe('an ongoing schedule is generated four weeks ahead', () => {
  it('from today, or from its first day when that is later', () => {
    expect(ongoingHorizon('2026-03-02', '2026-03-20')).toBe('2026-04-16');
    expect(ongoingHorizon('2026-04-01', '2026-03-20')).toBe('2026-04-28');
  });
});
