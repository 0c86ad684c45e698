import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { decideCancellation, type CancellationState } from './decide-cancellation';

const startTime = new Date('2026-03-23T06:30:00Z');
const lateCancelsAfter = new Date('2026-03-23T04:30:00Z');
const base = (over: Partial<CancellationState['registration']> = {}): CancellationState => ({
  session: { status: 'SCHEDULED', startTime, lateCancelsAfter },
  registration: { status: 'REGISTERED', promotedAt: null, ...over },
});

describe('decideCancellation', () => {
  it('refunds before the late-cancel cutoff and keeps the credit from it on', () => {
    expect(decideCancellation(base(), { by: 'CLIENT' }, new Date('2026-03-23T04:29:59Z'))).toEqual({
      status: 'CANCELLED',
      refund: true,
      freesPlace: true,
      leavesWaitlist: false,
    });
    expect(decideCancellation(base(), { by: 'CLIENT' }, lateCancelsAfter)).toEqual({
      status: 'LATE_CANCELLED',
      refund: false,
      freesPlace: true,
      leavesWaitlist: false,
    });
  });

  it('does not penalise a client promoted from the waitlist after the cutoff', () => {
    const promoted = base({ promotedAt: new Date('2026-03-23T05:00:00Z') });
    expect(decideCancellation(promoted, { by: 'CLIENT' }, new Date('2026-03-23T05:30:00Z'))).toMatchObject({
      status: 'CANCELLED',
      refund: true,
    });
    const promotedEarly = base({ promotedAt: new Date('2026-03-22T05:00:00Z') });
    expect(decideCancellation(promotedEarly, { by: 'CLIENT' }, new Date('2026-03-23T05:30:00Z'))).toMatchObject({
      status: 'LATE_CANCELLED',
      refund: false,
    });
  });

  it('just removes a client from the waitlist, at any time', () => {
    expect(
      decideCancellation(base({ status: 'WAITLISTED' }), { by: 'CLIENT' }, new Date('2026-03-23T06:00:00Z')),
    ).toEqual({
      status: 'CANCELLED',
      refund: false,
      freesPlace: false,
      leavesWaitlist: true,
    });
  });

  it('refuses a client cancelling after the start or after attendance was taken', () => {
    expect((decideCancellation(base(), { by: 'CLIENT' }, startTime) as DomainError).code).toBe('SESSION_STARTED');
    expect((decideCancellation(base({ status: 'ATTENDED' }), { by: 'STAFF' }, startTime) as DomainError).code).toBe(
      'REGISTRATION_NOT_CANCELLABLE',
    );
  });

  it('a coach removing a client always refunds', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2026-03-01'), max: new Date('2026-04-01'), noInvalidDate: true }), (now) => {
        expect(decideCancellation(base(), { by: 'STAFF' }, now)).toMatchObject({
          status: 'CANCELLED',
          refund: true,
          freesPlace: true,
        });
      }),
    );
  });

  it('a client is refunded exactly when cancelling before the cutoff or promoted after it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -48 * 60, max: 0 }),
        fc.option(fc.integer({ min: -72 * 60, max: 0 }), { nil: null }),
        (minutesBeforeStart, promotedMinutes) => {
          const now = new Date(startTime.getTime() + minutesBeforeStart * 60_000 - 1);
          const promotedAt =
            promotedMinutes === null
              ? null
              : new Date(Math.min(now.getTime(), startTime.getTime() + promotedMinutes * 60_000));
          const result = decideCancellation(base({ promotedAt }), { by: 'CLIENT' }, now);
          if (result instanceof DomainError) throw result;
          const expectedRefund = now < lateCancelsAfter || (promotedAt !== null && promotedAt >= lateCancelsAfter);
          expect(result.refund).toBe(expectedRefund);
          expect(result.status).toBe(expectedRefund ? 'CANCELLED' : 'LATE_CANCELLED');
        },
      ),
    );
  });
});
