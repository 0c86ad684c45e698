import { DomainError } from '../shared/domain-error';
import type { RegistrationStatus, SessionFacts } from './types';

export interface CancellationState {
  session: Pick<SessionFacts, 'status' | 'startTime' | 'lateCancelsAfter'>;
  registration: { status: RegistrationStatus; promotedAt: Date | null };
}

export interface CancellationCommand {
  /** CLIENT: the client cancels their own booking. STAFF: a coach or admin removes them (always refunded). */
  by: 'CLIENT' | 'STAFF';
}

export interface CancellationDecision {
  status: 'CANCELLED' | 'LATE_CANCELLED';
  refund: boolean;
  /** The registration held a place, which is now free. */
  freesPlace: boolean;
  /** The registration was on the waitlist (the queue closes up behind it). */
  leavesWaitlist: boolean;
}

/**
 * Cancelling a registration. Leaving a waitlist just removes you. A booked place cancelled
 * before `lateCancelsAfter` is refunded; from then on it is a late cancel and the credit is
 * kept — unless the client was promoted from the waitlist after that moment (they did not
 * choose the lateness) or a coach removed them.
 */
export function decideCancellation(
  state: CancellationState,
  command: CancellationCommand,
  now: Date,
): CancellationDecision | DomainError {
  const { registration, session } = state;
  if (registration.status === 'WAITLISTED') {
    return { status: 'CANCELLED', refund: false, freesPlace: false, leavesWaitlist: true };
  }
  if (registration.status === 'WAITLIST_CLOSED') {
    return new DomainError(
      'REGISTRATION_NOT_CANCELLABLE',
      'The waitlist for this class closed when it started; there is nothing to cancel',
    );
  }
  if (registration.status !== 'REGISTERED') {
    return new DomainError('REGISTRATION_NOT_CANCELLABLE', 'Attendance has already been recorded for this booking');
  }
  if (command.by === 'STAFF') return { status: 'CANCELLED', refund: true, freesPlace: true, leavesWaitlist: false };
  if (now >= session.startTime) {
    return new DomainError('SESSION_STARTED', 'This class has already started; please speak to your coach');
  }
  const late = now >= session.lateCancelsAfter;
  const promotedIntoLateness = registration.promotedAt !== null && registration.promotedAt >= session.lateCancelsAfter;
  if (late && !promotedIntoLateness)
    return { status: 'LATE_CANCELLED', refund: false, freesPlace: true, leavesWaitlist: false };
  return { status: 'CANCELLED', refund: true, freesPlace: true, leavesWaitlist: false };
}
