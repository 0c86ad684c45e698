import { DomainError } from '../shared/domain-error';
import { decideBooking, type BookingState } from './decide-booking';

/** How staff let a client in without their credits. */
export type DeskPayment = 'COMP' | 'AT_DESK';

export interface DeskBookingCommand {
  payment: DeskPayment;
  /** Why it is free (COMP only; required there, written in the client's account history). */
  reason: string | null;
}

/**
 * Staff add a client without credits: a comp (free, with a reason) or a place paid at the desk
 * (owed until marked paid). The class rules of a staff booking still hold (not cancelled, not
 * over, no clash); it takes a free place only — a full class has no place to give, and a waitlist
 * spot promoted later would have to be paid with credits, which is the point of this route.
 */
export function decideDeskBooking(
  state: Omit<BookingState, 'credits'>,
  command: DeskBookingCommand,
  now: Date,
): { kind: 'REGISTER' } | { kind: 'EXISTING'; registrationId: string } | DomainError {
  if (command.payment === 'COMP' && !command.reason?.trim())
    return new DomainError('VALIDATION_ERROR', 'Say why this place is free', { field: 'reason' });
  const decision = decideBooking(
    { ...state, credits: { usable: Number.MAX_SAFE_INTEGER, classTypeBlocked: false } },
    { byStaff: true },
    now,
  );
  if (decision instanceof DomainError) return decision;
  if (decision.kind === 'EXISTING') return decision;
  if (decision.kind === 'WAITLIST')
    return new DomainError(
      'SESSION_FULL',
      'This class is full. Free a place first, or add them to the waitlist with credits.',
    );
  return { kind: 'REGISTER' };
}

/** Staff record that a client paid at the desk for a place they owed. */
export function decideDeskPaid(registration: {
  payment: 'CREDITS' | DeskPayment;
  paidAt: Date | null;
  status: string;
}): { kind: 'MARK_PAID' } | { kind: 'ALREADY_PAID' } | DomainError {
  if (registration.payment !== 'AT_DESK')
    return new DomainError('NOT_OWED', 'This place was not booked as “pay at the desk”: nothing is owed');
  if (registration.paidAt) return { kind: 'ALREADY_PAID' };
  return { kind: 'MARK_PAID' };
}

/** Staff undo a "paid at the desk" recorded by mistake: the place is owed again. */
export function decideDeskUnpaid(registration: {
  payment: 'CREDITS' | DeskPayment;
  paidAt: Date | null;
}): { kind: 'MARK_UNPAID' } | { kind: 'ALREADY_UNPAID' } | DomainError {
  if (registration.payment !== 'AT_DESK')
    return new DomainError('NOT_OWED', 'This place was not booked as “pay at the desk”: there is no payment to undo');
  if (!registration.paidAt) return { kind: 'ALREADY_UNPAID' };
  return { kind: 'MARK_UNPAID' };
}
