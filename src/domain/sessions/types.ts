/** Shared shapes of the group-sessions domain. */

export const SESSION_STATUSES = ['SCHEDULED', 'CANCELLED', 'COMPLETED'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const REGISTRATION_STATUSES = [
  'REGISTERED',
  'WAITLISTED',
  'CANCELLED',
  'LATE_CANCELLED',
  'ATTENDED',
  'NO_SHOW',
  /** Still waiting when the class started: the waitlist closed, no credit was used. */
  'WAITLIST_CLOSED',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/**
 * Registrations that are history: they no longer hold a place or a queue spot, so the client may
 * have another, live one on the same class (the partial unique index `session_registrations_live_uq`).
 */
export const ENDED_REGISTRATION_STATUSES = ['CANCELLED', 'LATE_CANCELLED', 'WAITLIST_CLOSED'] as const;

/**
 * How a place was paid: with credits (the client's own booking), COMP (staff let them in free,
 * with a reason in the ledger) or AT_DESK (staff let them in without credits; they owe the studio
 * until staff mark it paid).
 */
export const REGISTRATION_PAYMENTS = ['CREDITS', 'COMP', 'AT_DESK'] as const;
export type RegistrationPayment = (typeof REGISTRATION_PAYMENTS)[number];

/** What the booking and cancellation rules need to know about a session. */
export interface SessionFacts {
  status: SessionStatus;
  startTime: Date;
  endTime: Date;
  capacity: number;
  /** Places taken (REGISTERED + ATTENDED + NO_SHOW). */
  registeredCount: number;
  waitlistCount: number;
  registrationsOpenAt: Date;
  registrationsCloseAt: Date;
  lateCancelsAfter: Date;
  creditCost: number;
  /** null = unlimited, 0 = no waitlist. */
  waitlistLimit: number | null;
}

/** The booking rules of a class type, applied to a session's start. */
export interface ClassTypeRules {
  bookingOpensHoursBefore: number;
  bookingClosesMinutesBefore: number;
  lateCancelHoursBefore: number;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** A session's own registration window and late-cancel moment, from its class type's rules. */
export function sessionWindows(rules: ClassTypeRules, startTime: Date) {
  const start = startTime.getTime();
  return {
    registrationsOpenAt: new Date(start - rules.bookingOpensHoursBefore * HOUR),
    registrationsCloseAt: new Date(start - rules.bookingClosesMinutesBefore * MINUTE),
    lateCancelsAfter: new Date(start - rules.lateCancelHoursBefore * HOUR),
  };
}
