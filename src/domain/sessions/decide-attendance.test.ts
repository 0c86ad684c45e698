import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { decideAttendance, type AttendanceState } from './decide-attendance';
import { decideCapacityChange } from './decide-capacity-change';
import { decidePromotion } from './decide-promotion';

const state = (over: Partial<AttendanceState> = {}): AttendanceState => ({
  session: {
    status: 'SCHEDULED',
    startTime: new Date('2026-03-23T06:30:00Z'),
    endTime: new Date('2026-03-23T06:55:00Z'),
  },
  registration: { status: 'REGISTERED' },
  ...over,
});
const code = (r: unknown) => (r instanceof DomainError ? r.code : r);

describe('decideAttendance', () => {
  it('opens 15 minutes before the start and closes 24 hours after the end', () => {
    expect(code(decideAttendance(state(), 'ATTENDED', new Date('2026-03-23T06:14:59Z')))).toBe('ATTENDANCE_NOT_OPEN');
    expect(decideAttendance(state(), 'ATTENDED', new Date('2026-03-23T06:15:00Z'))).toEqual({ status: 'ATTENDED' });
    expect(decideAttendance(state(), 'NO_SHOW', new Date('2026-03-24T06:55:00Z'))).toEqual({ status: 'NO_SHOW' });
    expect(code(decideAttendance(state(), 'NO_SHOW', new Date('2026-03-24T06:55:01Z')))).toBe('ATTENDANCE_NOT_OPEN');
  });

  it('lets an admin correct a mark after the window, as a late correction (audited by the caller)', () => {
    const weekLater = new Date('2026-03-30T09:00:00Z');
    expect(
      decideAttendance(state({ registration: { status: 'NO_SHOW' } }), 'ATTENDED', weekLater, { byAdmin: true }),
    ).toEqual({ status: 'ATTENDED', lateCorrection: true });
    expect(code(decideAttendance(state(), 'ATTENDED', weekLater, { byAdmin: false }))).toBe('ATTENDANCE_NOT_OPEN');
    expect(code(decideAttendance(state(), 'ATTENDED', new Date('2026-03-23T06:00:00Z'), { byAdmin: true }))).toBe(
      'ATTENDANCE_NOT_OPEN',
    );
    expect(code(decideAttendance(state({ registration: null }), 'ATTENDED', weekLater, { byAdmin: true }))).toBe(
      'REGISTRATION_NOT_FOUND',
    );
  });

  it('can correct a mark, but not mark someone who is not booked', () => {
    const now = new Date('2026-03-23T07:00:00Z');
    expect(decideAttendance(state({ registration: { status: 'NO_SHOW' } }), 'ATTENDED', now)).toEqual({
      status: 'ATTENDED',
    });
    expect(code(decideAttendance(state({ registration: null }), 'ATTENDED', now))).toBe('REGISTRATION_NOT_FOUND');
    expect(code(decideAttendance(state({ registration: { status: 'WAITLISTED' } }), 'ATTENDED', now))).toBe(
      'REGISTRATION_NOT_FOUND',
    );
    expect(
      code(decideAttendance(state({ session: { ...state().session, status: 'CANCELLED' } }), 'ATTENDED', now)),
    ).toBe('SESSION_CANCELLED');
  });
});

describe('decideCapacityChange', () => {
  it('refuses to go below the places taken and reports places freed', () => {
    expect(code(decideCapacityChange({ status: 'SCHEDULED', capacity: 10, registeredCount: 8 }, 7))).toBe(
      'CAPACITY_BELOW_ATTENDANCE',
    );
    expect(decideCapacityChange({ status: 'SCHEDULED', capacity: 10, registeredCount: 8 }, 8)).toEqual({
      capacity: 8,
      placesFreed: 0,
    });
    expect(decideCapacityChange({ status: 'SCHEDULED', capacity: 10, registeredCount: 10 }, 13)).toEqual({
      capacity: 13,
      placesFreed: 3,
    });
  });
});

describe('decidePromotion', () => {
  const waitlist = [
    { registrationId: 'a', hasOverlappingBooking: false },
    { registrationId: 'b', hasOverlappingBooking: true },
    { registrationId: 'c', hasOverlappingBooking: false },
  ];
  const session = {
    status: 'SCHEDULED' as const,
    startTime: new Date('2026-03-23T06:30:00Z'),
    capacity: 10,
    registeredCount: 9,
  };

  it('offers free places in queue order, skipping clients with a clashing booking', () => {
    expect(decidePromotion({ session, waitlist }, new Date('2026-03-23T06:00:00Z'))).toEqual({
      places: 1,
      candidates: ['a', 'c'],
    });
  });

  it('promotes nobody once the class has started, is full or cancelled', () => {
    expect(decidePromotion({ session, waitlist }, session.startTime).places).toBe(0);
    expect(
      decidePromotion({ session: { ...session, registeredCount: 10 }, waitlist }, new Date('2026-03-23T06:00:00Z'))
        .places,
    ).toBe(0);
    expect(
      decidePromotion({ session: { ...session, status: 'CANCELLED' }, waitlist }, new Date('2026-03-23T06:00:00Z'))
        .places,
    ).toBe(0);
  });
});
