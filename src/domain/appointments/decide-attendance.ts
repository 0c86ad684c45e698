import { DomainError } from '../shared/domain-error';
import type { AppointmentStatus } from './types';

/** Marking attendance: from the start on, for a booked (or already marked) appointment. */
export function decideAttendance(
  appointment: { status: AppointmentStatus; startTime: Date },
  status: 'ATTENDED' | 'NO_SHOW',
  now: Date,
): { status: 'ATTENDED' | 'NO_SHOW' } | DomainError {
  if (appointment.status === 'CANCELLED' || appointment.status === 'LATE_CANCELLED')
    return new DomainError('APPOINTMENT_NOT_CHANGEABLE', 'This appointment was cancelled');
  if (now < appointment.startTime)
    return new DomainError('ATTENDANCE_NOT_OPEN', 'Attendance can be marked once the appointment has started');
  return { status };
}
