import { DomainError } from '../shared/domain-error';
import type { RegistrationStatus, SessionFacts } from './types';

export const ATTENDANCE_OPENS_MINUTES_BEFORE_START = 15;
export const ATTENDANCE_CLOSES_HOURS_AFTER_END = 24;

export interface AttendanceState {
  session: Pick<SessionFacts, 'status' | 'startTime' | 'endTime'>;
  /** The client's live registration, or null when they are not on the class. */
  registration: { status: RegistrationStatus } | null;
}

export type AttendanceMark = 'ATTENDED' | 'NO_SHOW';

/**
 * A coach marks whether a booked client came. Open from 15 minutes before the start until
 * 24 hours after the end; a mark can be corrected within that window. After it, only an admin
 * may still correct one (`lateCorrection`: the caller audits it with before and after), so a
 * mistake found at the end of the month can be put right without reopening it to everyone.
 */
export function decideAttendance(
  state: AttendanceState,
  mark: AttendanceMark,
  now: Date,
  options: { byAdmin?: boolean } = {},
): { status: AttendanceMark; lateCorrection?: true } | DomainError {
  const { session, registration } = state;
  if (session.status === 'CANCELLED') return new DomainError('SESSION_CANCELLED', 'This class has been cancelled');
  const opensAt = session.startTime.getTime() - ATTENDANCE_OPENS_MINUTES_BEFORE_START * 60_000;
  const closesAt = session.endTime.getTime() + ATTENDANCE_CLOSES_HOURS_AFTER_END * 3_600_000;
  if (now.getTime() < opensAt) {
    return new DomainError(
      'ATTENDANCE_NOT_OPEN',
      `Attendance can be taken from ${ATTENDANCE_OPENS_MINUTES_BEFORE_START} minutes before the class starts`,
    );
  }
  const late = now.getTime() > closesAt;
  if (late && !options.byAdmin) {
    return new DomainError(
      'ATTENDANCE_NOT_OPEN',
      `Attendance can only be changed until ${ATTENDANCE_CLOSES_HOURS_AFTER_END} hours after the class`,
    );
  }
  if (!registration || registration.status === 'WAITLISTED') {
    return new DomainError('REGISTRATION_NOT_FOUND', 'This client is not booked on this class');
  }
  return late ? { status: mark, lateCorrection: true } : { status: mark };
}
