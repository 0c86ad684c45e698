import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { decideBooking, type BookingState } from './decide-booking';
import { decideCancellation } from './decide-cancellation';
import { decideMove } from './decide-move';

const NOW = new Date('2026-03-20T12:00:00Z');
const state: BookingState = {
  service: {
    name: 'PT 45',
    active: true,
    selfBookable: true,
    durationMins: 45,
    bufferBeforeMins: 0,
    bufferAfterMins: 15,
    startIntervalMins: 60,
    minNoticeHours: 12,
    bookingHorizonDays: 30,
    lateCancelHoursBefore: 24,
    coachIds: ['gav'],
  },
  availability: { weekly: [{ weekday: 'MON', start: '09:00', end: '17:00' }], overrides: [], timeOff: [] },
  classes: [],
  timeZone: 'Europe/London',
};
const monday = (time: string) => new Date(`2026-03-23T${time}:00Z`);
const code = (result: unknown) => (result instanceof DomainError ? result.code : 'OK');

describe('decideBooking', () => {
  it('books a grid start inside the hours, with its busy range and late-cancel time', () => {
    expect(decideBooking(state, { coachId: 'gav', start: monday('10:00'), by: 'CLIENT' }, NOW)).toEqual({
      start: monday('10:00'),
      end: monday('10:45'),
      busyFrom: monday('10:00'),
      busyUntil: monday('11:00'),
      lateCancelsAfter: new Date('2026-03-22T10:00:00Z'),
    });
  });

  it('refuses what a client may not book, and lets staff book at short notice but not in the past', () => {
    const soon = new Date('2026-03-20T20:00:00Z');
    const staffOnly = { ...state, service: { ...state.service, selfBookable: false } };
    expect(code(decideBooking(staffOnly, { coachId: 'gav', start: monday('10:00'), by: 'CLIENT' }, NOW))).toBe(
      'SERVICE_NOT_BOOKABLE',
    );
    expect(code(decideBooking(state, { coachId: 'clare', start: monday('10:00'), by: 'CLIENT' }, NOW))).toBe(
      'OUTSIDE_AVAILABILITY',
    );
    expect(code(decideBooking(state, { coachId: 'gav', start: monday('16:30'), by: 'STAFF' }, NOW))).toBe(
      'OUTSIDE_AVAILABILITY',
    );
    const farMonday = new Date('2026-04-27T10:00:00Z');
    expect(code(decideBooking(state, { coachId: 'gav', start: farMonday, by: 'CLIENT' }, NOW))).toBe(
      'BEYOND_BOOKING_HORIZON',
    );
    const lateState = {
      ...state,
      availability: { ...state.availability, weekly: [{ weekday: 'FRI' as const, start: '09:00', end: '22:00' }] },
    };
    expect(code(decideBooking(lateState, { coachId: 'gav', start: soon, by: 'CLIENT' }, NOW))).toBe('TOO_LATE_TO_BOOK');
    expect(code(decideBooking(lateState, { coachId: 'gav', start: soon, by: 'STAFF' }, NOW))).toBe('OK');
    expect(
      code(decideBooking(lateState, { coachId: 'gav', start: new Date('2026-03-20T10:00:00Z'), by: 'STAFF' }, NOW)),
    ).toBe('TOO_LATE_TO_BOOK');
  });

  it('refuses a start whose busy range overlaps a class the coach teaches', () => {
    const withClass = { ...state, classes: [{ from: monday('10:50'), until: monday('11:30') }] };
    expect(code(decideBooking(withClass, { coachId: 'gav', start: monday('10:00'), by: 'STAFF' }, NOW))).toBe(
      'SLOT_TAKEN',
    );
  });
});

describe('decideCancellation and decideMove', () => {
  const booked = {
    status: 'BOOKED' as const,
    startTime: monday('10:00'),
    lateCancelsAfter: new Date('2026-03-22T10:00:00Z'),
  };
  it('refunds before the cutoff, keeps the credit after it, always refunds a studio cancellation', () => {
    expect(decideCancellation(booked, { by: 'CLIENT' }, NOW)).toEqual({
      status: 'CANCELLED',
      late: false,
      refund: true,
    });
    const late = new Date('2026-03-22T12:00:00Z');
    expect(decideCancellation(booked, { by: 'CLIENT' }, late)).toEqual({
      status: 'LATE_CANCELLED',
      late: true,
      refund: false,
    });
    expect(decideCancellation(booked, { by: 'STAFF' }, late)).toEqual({
      status: 'CANCELLED',
      late: false,
      refund: true,
    });
    expect(code(decideCancellation({ ...booked, status: 'CANCELLED' }, { by: 'CLIENT' }, NOW))).toBe(
      'APPOINTMENT_NOT_CHANGEABLE',
    );
  });

  it('moves a booked appointment to another free start, never a started one', () => {
    expect(code(decideMove(booked, state, { coachId: 'gav', start: monday('14:00') }, NOW))).toBe('OK');
    expect(code(decideMove(booked, state, { coachId: 'gav', start: monday('14:00') }, monday('10:10')))).toBe(
      'APPOINTMENT_NOT_CHANGEABLE',
    );
  });
});
