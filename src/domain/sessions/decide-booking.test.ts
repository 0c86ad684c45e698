import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { decideBooking, type BookingState } from './decide-booking';
import type { SessionFacts } from './types';

const start = new Date('2026-03-23T06:30:00Z');
const session = (over: Partial<SessionFacts> = {}): SessionFacts => ({
  status: 'SCHEDULED',
  startTime: start,
  endTime: new Date('2026-03-23T06:55:00Z'),
  capacity: 10,
  registeredCount: 0,
  waitlistCount: 0,
  registrationsOpenAt: new Date('2026-03-09T06:30:00Z'),
  registrationsCloseAt: start,
  lateCancelsAfter: new Date('2026-03-23T04:30:00Z'),
  creditCost: 1,
  waitlistLimit: null,
  ...over,
});
const state = (over: Partial<BookingState> = {}): BookingState => ({
  session: session(),
  existing: null,
  hasOverlappingBooking: false,
  credits: { usable: 0, classTypeBlocked: false },
  ...over,
});
const now = new Date('2026-03-20T12:00:00Z');
const code = (r: unknown) => (r instanceof DomainError ? r.code : r);

describe('decideBooking', () => {
  it('registers into a free place at the class cost', () => {
    expect(decideBooking(state(), { byStaff: false }, now)).toEqual({ kind: 'REGISTER', cost: 1 });
  });

  it('returns an existing live registration instead of making a second one, even once booking has closed', () => {
    const existing = { id: 'r1', status: 'WAITLISTED' as const, waitlistPosition: 2 };
    expect(decideBooking(state({ existing }), { byStaff: false }, new Date('2026-03-23T07:00:00Z'))).toEqual({
      kind: 'EXISTING',
      registrationId: 'r1',
    });
  });

  it('refuses before the window opens and from the moment it closes', () => {
    expect(code(decideBooking(state(), { byStaff: false }, new Date('2026-03-09T06:29:59Z')))).toBe(
      'REGISTRATION_NOT_OPEN',
    );
    const early = decideBooking(state(), { byStaff: false }, new Date('2026-03-06T06:30:00Z'));
    expect((early as DomainError).message).toBe('Booking for this class is not open yet: it opens in 3 days');
    expect(decideBooking(state(), { byStaff: false }, new Date('2026-03-09T06:30:00Z'))).toEqual({
      kind: 'REGISTER',
      cost: 1,
    });
    expect(code(decideBooking(state(), { byStaff: false }, start))).toBe('REGISTRATION_CLOSED');
  });

  it('lets staff add a client outside the window but not after the class', () => {
    expect(decideBooking(state(), { byStaff: true }, new Date('2026-03-01T00:00:00Z'))).toEqual({
      kind: 'REGISTER',
      cost: 1,
    });
    expect(decideBooking(state(), { byStaff: true }, new Date('2026-03-23T06:40:00Z'))).toEqual({
      kind: 'REGISTER',
      cost: 1,
    });
    expect(code(decideBooking(state(), { byStaff: true }, new Date('2026-03-23T06:55:00Z')))).toBe(
      'REGISTRATION_CLOSED',
    );
  });

  it('refuses cancelled classes and overlapping bookings', () => {
    expect(code(decideBooking(state({ session: session({ status: 'CANCELLED' }) }), { byStaff: false }, now))).toBe(
      'SESSION_CANCELLED',
    );
    expect(code(decideBooking(state({ hasOverlappingBooking: true }), { byStaff: false }, now))).toBe(
      'OVERLAPPING_BOOKING',
    );
  });

  it('queues on a full class at the end only with a credit to pay when promoted', () => {
    const full = session({ registeredCount: 10, waitlistCount: 3 });
    const withCredit = state({ session: full, credits: { usable: 1, classTypeBlocked: false } });
    expect(decideBooking(withCredit, { byStaff: false }, now)).toEqual({ kind: 'WAITLIST', position: 4 });
    expect(
      code(
        decideBooking(
          state({ session: full, credits: { usable: 0, classTypeBlocked: false } }),
          { byStaff: false },
          now,
        ),
      ),
    ).toBe('INSUFFICIENT_CREDITS');
    expect(
      code(
        decideBooking(
          state({ session: full, credits: { usable: 0, classTypeBlocked: true } }),
          { byStaff: false },
          now,
        ),
      ),
    ).toBe('CLASS_TYPE_NOT_ALLOWED');
  });

  it('applies the waitlist limit (0 = no waitlist)', () => {
    const credits = { usable: 5, classTypeBlocked: false };
    expect(
      code(
        decideBooking(
          state({ session: session({ registeredCount: 10, waitlistLimit: 0 }), credits }),
          { byStaff: false },
          now,
        ),
      ),
    ).toBe('WAITLIST_FULL');
    expect(
      code(
        decideBooking(
          state({ session: session({ registeredCount: 10, waitlistCount: 2, waitlistLimit: 2 }), credits }),
          { byStaff: false },
          now,
        ),
      ),
    ).toBe('WAITLIST_FULL');
    expect(
      decideBooking(
        state({ session: session({ registeredCount: 10, waitlistCount: 1, waitlistLimit: 2 }), credits }),
        { byStaff: false },
        now,
      ),
    ).toEqual({ kind: 'WAITLIST', position: 2 });
  });

  it('never registers beyond capacity and never queues while a place is free', () => {
    fc.assert(
      fc.property(fc.nat(30), fc.nat(30), fc.nat(10), (capacity, taken, waiting) => {
        const registeredCount = Math.min(taken, capacity);
        const s = state({
          session: session({ capacity, registeredCount, waitlistCount: waiting }),
          credits: { usable: 1, classTypeBlocked: false },
        });
        const decision = decideBooking(s, { byStaff: false }, now);
        if (registeredCount < capacity) expect(decision).toEqual({ kind: 'REGISTER', cost: 1 });
        else expect(decision).toEqual({ kind: 'WAITLIST', position: waiting + 1 });
      }),
    );
  });
});
