import { formatDistanceStrict } from 'date-fns';
import { DomainError } from '../shared/domain-error';
import type { RegistrationStatus, SessionFacts } from './types';

export interface BookingState {
  session: SessionFacts;
  /** The client's live registration for this session, if any. */
  existing: { id: string; status: RegistrationStatus; waitlistPosition: number | null } | null;
  /** The client holds a place in another scheduled session that overlaps this one in time. */
  hasOverlappingBooking: boolean;
  /**
   * What the client could pay with now. Only decides joining a waitlist (a free place is paid
   * for by consuming credits, which refuses on its own).
   */
  credits: { usable: number; classTypeBlocked: boolean };
}

export interface BookingCommand {
  /** A coach or admin adding the client by hand: may add outside the registration window. */
  byStaff: boolean;
}

export type BookingDecision =
  | { kind: 'EXISTING'; registrationId: string }
  | { kind: 'REGISTER'; cost: number }
  | { kind: 'WAITLIST'; position: number };

/**
 * A client books a session. Booking what they already hold returns it; otherwise the session
 * must be scheduled, open for registration and not clash with another of their bookings; a
 * free place registers them (the caller consumes `cost` credits), a full class queues them at
 * the end of the waitlist if they could pay and the waitlist has room.
 */
export function decideBooking(state: BookingState, command: BookingCommand, now: Date): BookingDecision | DomainError {
  const { session } = state;
  if (state.existing) return { kind: 'EXISTING', registrationId: state.existing.id };
  if (session.status === 'CANCELLED') return new DomainError('SESSION_CANCELLED', 'This class has been cancelled');
  if (session.status === 'COMPLETED' || now >= session.endTime) {
    return new DomainError('REGISTRATION_CLOSED', 'This class has already taken place');
  }
  if (!command.byStaff) {
    if (now < session.registrationsOpenAt) {
      // Said relative to now ("opens in 3 days"): the domain has no studio time zone to name a
      // clock time in. `opensAt` carries the instant for clients that show it in studio time.
      return new DomainError(
        'REGISTRATION_NOT_OPEN',
        `Booking for this class is not open yet: it opens in ${formatDistanceStrict(session.registrationsOpenAt, now)}`,
        { opensAt: session.registrationsOpenAt.toISOString() },
      );
    }
    if (now >= session.registrationsCloseAt)
      return new DomainError('REGISTRATION_CLOSED', 'Booking for this class has closed');
  }
  if (state.hasOverlappingBooking) {
    return new DomainError('OVERLAPPING_BOOKING', 'You already have a class booked at this time');
  }
  if (session.registeredCount < session.capacity) return { kind: 'REGISTER', cost: session.creditCost };

  if (session.waitlistLimit === 0) return new DomainError('WAITLIST_FULL', 'This class is full and has no waitlist');
  if (session.waitlistLimit !== null && session.waitlistCount >= session.waitlistLimit) {
    return new DomainError('WAITLIST_FULL', 'This class and its waitlist are full');
  }
  if (session.creditCost > 0) {
    if (state.credits.usable < session.creditCost) {
      return state.credits.classTypeBlocked
        ? new DomainError('CLASS_TYPE_NOT_ALLOWED', 'Your membership does not cover this kind of class')
        : new DomainError('INSUFFICIENT_CREDITS', 'You need a credit to join the waitlist for this class');
    }
  }
  return { kind: 'WAITLIST', position: session.waitlistCount + 1 };
}
