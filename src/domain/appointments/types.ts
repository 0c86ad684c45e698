/** Shared shapes of the 1-on-1 appointments domain. */

export const APPOINTMENT_STATUSES = ['BOOKED', 'CANCELLED', 'LATE_CANCELLED', 'ATTENDED', 'NO_SHOW'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Statuses that hold the coach's time (the exclusion constraint covers exactly these). */
export const LIVE_APPOINTMENT_STATUSES = [
  'BOOKED',
  'ATTENDED',
  'NO_SHOW',
] as const satisfies readonly AppointmentStatus[];

/** The grid a service's start times snap to, in minutes from midnight studio time. */
export const START_INTERVALS = [15, 30, 60] as const;
