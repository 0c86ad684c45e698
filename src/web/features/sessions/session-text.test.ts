import { describe, expect, it } from 'vitest';
import { cancelConsequence, ordinal, spotsText, waitlistHasRoom } from './session-text';
import type { ClassSession } from './types';

const session = (over: Partial<ClassSession> = {}): ClassSession => ({
  id: 's1',
  title: 'HIIT',
  classType: { id: 't1', name: 'HIIT', color: '#452ddb' },
  coach: { id: 'c1', name: 'Gav' },
  startTime: '2026-03-23T06:30:00Z',
  endTime: '2026-03-23T06:55:00Z',
  location: '',
  notes: '',
  capacity: 10,
  attendingCount: 7,
  waitingCount: 0,
  isFull: false,
  registrationsOpenAt: '2026-03-09T06:30:00Z',
  registrationsCloseAt: '2026-03-23T06:30:00Z',
  lateCancelsAfter: '2026-03-23T04:30:00Z',
  creditCost: 1,
  status: 'SCHEDULED',
  scheduleId: null,
  myRegistration: null,
  ...over,
});

describe('what a client reads about a class', () => {
  it('ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
    ]);
  });

  it('places left, or where they would be on the waitlist', () => {
    expect(spotsText(session())).toBe('3 left');
    expect(spotsText(session({ attendingCount: 10, isFull: true, waitingCount: 3 }))).toBe(
      "Full — join waitlist, you'd be 4th",
    );
    expect(spotsText(session({ attendingCount: 10, isFull: true }), 0)).toBe('Full — no waitlist');
    expect(spotsText(session({ attendingCount: 10, isFull: true, waitingCount: 5 }), 5)).toBe(
      'Full — the waitlist is full too',
    );
    // Someone already on the class or its waitlist is not invited to join it.
    const mine = {
      id: 'r1',
      status: 'WAITLISTED' as const,
      waitlistPosition: 1,
      promotedAt: null,
      cancelWouldBeLate: false,
    };
    expect(spotsText(session({ attendingCount: 10, isFull: true, waitingCount: 2, myRegistration: mine }))).toBe(
      'Full · 2 waiting',
    );
  });

  it('waitlist room follows the class type limit (null = unlimited, 0 = none)', () => {
    expect(waitlistHasRoom(session({ waitingCount: 40 }), null)).toBe(true);
    expect(waitlistHasRoom(session({ waitingCount: 0 }), 0)).toBe(false);
    expect(waitlistHasRoom(session({ waitingCount: 4 }), 5)).toBe(true);
    expect(waitlistHasRoom(session({ waitingCount: 5 }), 5)).toBe(false);
  });

  it('the cancel confirmation says whether it is late and what it costs', () => {
    const booking = {
      title: 'HIIT',
      startTime: '2026-03-23T06:30:00Z',
      lateCancelsAfter: '2026-03-23T04:30:00Z',
      creditCost: 1,
      status: 'REGISTERED' as const,
      promotedAt: null,
      cancelWouldBeLate: false,
    };
    const inTime = cancelConsequence(booking, new Date('2026-03-23T04:29:00Z'), 'Europe/London');
    expect(inTime.late).toBe(false);
    expect(inTime.text).toContain('your 1 credit will be given back');
    const late = cancelConsequence(
      { ...booking, cancelWouldBeLate: true },
      new Date('2026-03-23T04:30:00Z'),
      'Europe/London',
    );
    expect(late.late).toBe(true);
    expect(late.text).toContain('The 1 credit you paid will not be given back');
    expect(late.text).toContain('Mon 23 Mar at 04:30');
    // Loaded before the cutoff, confirmed after it: the clock catches up with the server's answer.
    expect(cancelConsequence(booking, new Date('2026-03-23T04:31:00Z'), 'Europe/London').late).toBe(true);
    // The server says a place given from the waitlist after the cutoff is still free to cancel.
    const promotedLate = cancelConsequence(
      { ...booking, promotedAt: '2026-03-23T05:00:00Z' },
      new Date('2026-03-23T05:10:00Z'),
      'Europe/London',
    );
    expect(promotedLate.late).toBe(false);
    expect(promotedLate.text).toContain('still free');
    // The server's "late" wins over the device clock (a wrong phone clock cannot hide it).
    expect(
      cancelConsequence({ ...booking, cancelWouldBeLate: true }, new Date('2026-03-23T04:00:00Z'), 'Europe/London')
        .late,
    ).toBe(true);
    expect(
      cancelConsequence({ ...booking, status: 'WAITLISTED' }, new Date('2026-03-23T06:00:00Z'), 'Europe/London').late,
    ).toBe(false);
  });
});
