import { decideCancellation } from '../../../domain/sessions/decide-cancellation';
import { isDomainError } from '../../../domain/shared/domain-error';
import { formatInZone } from '../../lib/format';
import type { ClassSession, RegistrationStatus } from './types';

/*
 * Words shown about a session. They only restate what the API says (counts, windows, the
 * person's registration); the server decides every booking and cancellation.
 */

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

export const credits = (n: number) => `${n} ${n === 1 ? 'credit' : 'credits'}`;

/**
 * "3 left" / "Full — join waitlist, you'd be 4th" for someone who could still join; "Full · 2
 * waiting" for someone already on the class or its waitlist.
 */
export function spotsText(s: ClassSession, waitlistLimit?: number | null): string {
  if (!s.isFull) return `${Math.max(0, s.capacity - s.attendingCount)} left`;
  const mine = s.myRegistration;
  if (mine || s.status !== 'SCHEDULED') return s.waitingCount > 0 ? `Full · ${s.waitingCount} waiting` : 'Full';
  if (!waitlistHasRoom(s, waitlistLimit))
    return waitlistLimit === 0 ? 'Full — no waitlist' : 'Full — the waitlist is full too';
  return `Full — join waitlist, you'd be ${ordinal(s.waitingCount + 1)}`;
}

/** From the class type's waitlist limit (null = unlimited, 0 = none; undefined = not known). */
export function waitlistHasRoom(s: ClassSession, waitlistLimit: number | null | undefined): boolean {
  return waitlistLimit === undefined || waitlistLimit === null || s.waitingCount < waitlistLimit;
}

export const REGISTRATION_LABELS: Record<RegistrationStatus, string> = {
  REGISTERED: 'Booked',
  WAITLISTED: 'On waitlist',
  CANCELLED: 'Cancelled',
  LATE_CANCELLED: 'Late cancel',
  ATTENDED: 'Attended',
  NO_SHOW: 'No-show',
  WAITLIST_CLOSED: 'Waitlist closed — no credit used',
};

export function timeRange(s: Pick<ClassSession, 'startTime' | 'endTime'>, tz: string): string {
  return `${formatInZone(s.startTime, tz, 'HH:mm')}–${formatInZone(s.endTime, tz, 'HH:mm')}`;
}

export function durationMins(s: Pick<ClassSession, 'startTime' | 'endTime'>): number {
  return Math.round((Date.parse(s.endTime) - Date.parse(s.startTime)) / 60_000);
}

/** Why a session cannot be booked right now, from its own windows and status; null when it can be tried. */
export function bookingClosedReason(s: ClassSession, now: Date, tz: string): string | null {
  if (s.status === 'CANCELLED') return 'Cancelled by the studio';
  if (now >= new Date(s.startTime)) return 'Already started';
  if (now < new Date(s.registrationsOpenAt))
    return `Booking opens ${formatInZone(s.registrationsOpenAt, tz, "EEE d MMM 'at' HH:mm")}`;
  if (now >= new Date(s.registrationsCloseAt)) return 'Booking closed';
  return null;
}

/** What the cancel dialog needs to know about a booking. */
export interface CancellableBooking {
  title: string;
  startTime: string;
  lateCancelsAfter: string;
  creditCost: number;
  status: RegistrationStatus;
  /** When the client was moved in from the waitlist. */
  promotedAt: string | null;
  /** The server's answer, by the rule it applies when cancelling, as of when it was loaded. */
  cancelWouldBeLate: boolean;
}

/**
 * What cancelling would mean, from the session's late-cancel moment as the API gives it. The
 * server has the last word and its answer (late or not, credits given back) is shown after.
 */
export function cancelConsequence(b: CancellableBooking, now: Date, tz: string): { late: boolean; text: string } {
  if (b.status === 'WAITLISTED')
    return {
      late: false,
      text: 'You will leave the waitlist. No credit was taken for it, so your balance does not change.',
    };
  const cutoff = formatInZone(b.lateCancelsAfter, tz, "EEE d MMM 'at' HH:mm");
  const back = b.creditCost > 0 ? `your ${credits(b.creditCost)} will be given back` : 'it costs you nothing';
  const cutoffPassed = now >= new Date(b.lateCancelsAfter);
  // The server's own rule (a place given from the waitlist after the cutoff stays free to cancel),
  // applied to the clock now: the server's answer goes stale when the cutoff passes while the
  // page is open. A class that has started cannot be cancelled at all: treated as late.
  const decision = decideCancellation(
    {
      session: {
        status: 'SCHEDULED',
        startTime: new Date(b.startTime),
        lateCancelsAfter: new Date(b.lateCancelsAfter),
      },
      registration: { status: b.status, promotedAt: b.promotedAt === null ? null : new Date(b.promotedAt) },
    },
    { by: 'CLIENT' },
    now,
  );
  const late = b.cancelWouldBeLate || isDomainError(decision) || decision.status === 'LATE_CANCELLED';
  if (!late && !cutoffPassed)
    return { late: false, text: `This is in time: ${back}. Free cancellation ends ${cutoff}.` };
  if (!late)
    return {
      late: false,
      text: `You were given this place from the waitlist after free cancellation ended, so cancelling is still free: ${back}.`,
    };
  return {
    late: true,
    text:
      b.creditCost > 0
        ? `This is a late cancellation (free cancellation ended ${cutoff}). The ${credits(b.creditCost)} you paid will not be given back.`
        : `This is a late cancellation (free cancellation ended ${cutoff}). The class is free, so it costs you nothing.`,
  };
}
