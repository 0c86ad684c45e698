import { DomainError } from '../shared/domain-error';
import { decideBooking, type BookingDecision, type BookingState } from './decide-booking';
import type { AppointmentStatus } from './types';

/**
 * Moving a booked appointment (staff): the new start must pass every booking rule a staff
 * booking passes (availability, grid, no class), and the appointment must not have started.
 * Its credits stay as they are: the same service is still paid for.
 */
export function decideMove(
  appointment: { status: AppointmentStatus; startTime: Date },
  state: BookingState,
  command: { coachId: string; start: Date },
  now: Date,
): BookingDecision | DomainError {
  if (appointment.status !== 'BOOKED')
    return new DomainError('APPOINTMENT_NOT_CHANGEABLE', 'Only a booked appointment can be moved');
  if (now >= appointment.startTime)
    return new DomainError('APPOINTMENT_NOT_CHANGEABLE', 'This appointment has already started');
  return decideBooking(state, { ...command, by: 'STAFF' }, now);
}
