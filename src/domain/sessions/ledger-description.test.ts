import { describe, expect, it } from 'vitest';
import { ledgerDescriptionForSession } from './ledger-description';

describe('ledger words for a booking', () => {
  it('names the class and its studio-local day and time', () => {
    // 06:30 GMT in November, 06:30 BST (05:30Z) in June: the studio's wall clock either way
    expect(
      ledgerDescriptionForSession({ title: 'HIIT', startTime: new Date('2026-11-23T06:30:00Z') }, 'Europe/London'),
    ).toBe('HIIT Mon 23 Nov 06:30');
    expect(
      ledgerDescriptionForSession({ title: 'CORE', startTime: new Date('2026-06-01T05:30:00Z') }, 'Europe/London'),
    ).toBe('CORE Mon 1 Jun 06:30');
  });

  it('uses the studio zone, not UTC, across midnight', () => {
    expect(
      ledgerDescriptionForSession({ title: 'HIIT', startTime: new Date('2026-06-07T23:30:00Z') }, 'Pacific/Auckland'),
    ).toBe('HIIT Mon 8 Jun 11:30');
  });

  it('marks a place that came from the waitlist', () => {
    expect(
      ledgerDescriptionForSession(
        { title: 'HIIT', startTime: new Date('2026-11-23T06:30:00Z') },
        'Europe/London',
        'waitlist',
      ),
    ).toBe('HIIT Mon 23 Nov 06:30 (from waitlist)');
  });
});
