import { DomainError } from '../shared/domain-error';
import type { AppointmentStatus } from './types';

export interface AppointmentCancellation {
  status: 'CANCELLED' | 'LATE_CANCELLED';
  late: boolean;
  refund: boolean;
}

/**
 * Cancelling a booked appointment, with the classes' late rule: before `lateCancelsAfter` the
 * credits go back to the grants they came from; from then on it is a late cancel and they are
 * kept. Clients cancel only before the start. Staff may cancel any booked appointment; when the
 * studio cancels, the client is refunded (the lateness was not theirs).
 */
export function decideCancellation(
  appointment: { status: AppointmentStatus; startTime: Date; lateCancelsAfter: Date },
  command: { by: 'CLIENT' | 'STAFF' },
  now: Date,
): AppointmentCancellation | DomainError {
  if (appointment.status !== 'BOOKED')
    return new DomainError('APPOINTMENT_NOT_CHANGEABLE', 'This appointment is no longer booked');
  if (command.by === 'STAFF') return { status: 'CANCELLED', late: false, refund: true };
  if (now >= appointment.startTime)
    return new DomainError(
      'APPOINTMENT_NOT_CHANGEABLE',
      'This appointment has already started; please speak to your coach',
    );
  const late = now >= appointment.lateCancelsAfter;
  return late ? { status: 'LATE_CANCELLED', late, refund: false } : { status: 'CANCELLED', late, refund: true };
}

/** Whether cancelling now would be late (for the client's warning). */
export const cancelWouldBeLate = (appointment: { lateCancelsAfter: Date }, now: Date) =>
  now >= appointment.lateCancelsAfter;
