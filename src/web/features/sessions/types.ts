/** Shapes of the group-sessions API (see issue 4's API contract); times are ISO 8601 UTC strings. */

export type RegistrationStatus =
  'REGISTERED' | 'WAITLISTED' | 'CANCELLED' | 'LATE_CANCELLED' | 'ATTENDED' | 'NO_SHOW' | 'WAITLIST_CLOSED';
export type SessionStatus = 'SCHEDULED' | 'CANCELLED' | 'COMPLETED';

export interface MyRegistration {
  id: string;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  /** When a waitlisted client was given a place. */
  promotedAt: string | null;
  /** The server's answer: cancelling now would be late (credit kept). */
  cancelWouldBeLate: boolean;
}

export interface ClassSession {
  id: string;
  title: string;
  classType: { id: string; name: string; color: string };
  coach: { id: string; name: string };
  startTime: string;
  endTime: string;
  location: string;
  notes?: string;
  capacity: number;
  attendingCount: number;
  waitingCount: number;
  isFull: boolean;
  registrationsOpenAt: string;
  registrationsCloseAt: string;
  lateCancelsAfter: string;
  creditCost: number;
  status: SessionStatus;
  scheduleId?: string | null;
  myRegistration: MyRegistration | null;
}

export interface RosterEntry {
  id: string;
  user: { id: string; name: string; email: string };
  status: RegistrationStatus;
  waitlistPosition: number | null;
  registeredAt: string;
  promotedAt: string | null;
  attendanceMarkedAt: string | null;
}

/** What coaches and admins get for one session. */
export interface SessionDetail extends ClassSession {
  registrations?: RosterEntry[];
  waitlist?: RosterEntry[];
}

export interface ClassType {
  id: string;
  name: string;
  description: string;
  color: string;
  defaultCapacity: number;
  defaultDurationMins: number;
  creditCost: number;
  bookingOpensHoursBefore: number;
  bookingClosesMinutesBefore: number;
  lateCancelHoursBefore: number;
  /** null = unlimited, 0 = no waitlist. */
  waitlistLimit: number | null;
  active: boolean;
}

export type ClassTypeInput = Omit<ClassType, 'id'>;

export const WEEKDAY_CODES = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

export interface ScheduleInput {
  classTypeId: string;
  coachId: string;
  daysOfWeek: WeekdayCode[];
  localTime: string;
  fromDate: string;
  toDate: string;
  capacity?: number;
  location?: string;
}

/** One of the client's registrations with its class (GET /api/me/registrations). */
export interface MyBooking {
  id: string;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  creditsConsumed: number;
  registeredAt: string;
  promotedAt: string | null;
  cancelledAt: string | null;
  /** The server's answer: cancelling now would be late (credit kept). */
  cancelWouldBeLate: boolean;
  session: {
    id: string;
    title: string;
    classType: { id: string; name: string; color: string };
    coach: { id: string; name: string };
    startTime: string;
    endTime: string;
    location: string;
    status: SessionStatus;
    lateCancelsAfter: string;
    creditCost: number;
  };
}
