import { z } from 'zod';
import { REGISTRATION_PAYMENTS, REGISTRATION_STATUSES, SESSION_STATUSES } from '../domain/sessions/types';
import { WEEKDAY_CODES } from '../domain/time/wall-clock';
import { anyId, instant, timestamp, uuid } from './common';
import { calendarDate, multilineText, text } from './fields';

/** Zod schemas of the group-sessions API (they document it at /api/docs). */

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #452ddb');
const hours = (max: number) => z.number().int().min(0).max(max);

export const classTypeBody = z.object({
  name: text('Name', 60),
  description: multilineText('Description', 2000, { required: false }).optional(),
  color: hexColor.optional(),
  defaultCapacity: z.number().int().min(1).max(500),
  defaultDurationMins: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  creditCost: z.number().int().min(0).max(20).optional().describe('Credits one booking costs (default 1; 0 = free)'),
  bookingOpensHoursBefore: hours(24 * 90)
    .optional()
    .describe('Booking opens this many hours before the start (default 336 = 14 days)'),
  bookingClosesMinutesBefore: hours(24 * 60)
    .optional()
    .describe('Booking closes this many minutes before the start (default 0)'),
  lateCancelHoursBefore: hours(24 * 14)
    .optional()
    .describe('Cancelling within this many hours of the start keeps the credit (default 2)'),
  waitlistLimit: z.number().int().min(0).max(500).nullable().optional().describe('null = unlimited, 0 = no waitlist'),
});

export const classTypePatch = classTypeBody
  .partial()
  .extend({ active: z.boolean().optional().describe('false archives the class type') });

export const classTypeView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  color: z.string(),
  defaultCapacity: z.number(),
  defaultDurationMins: z.number(),
  creditCost: z.number(),
  bookingOpensHoursBefore: z.number(),
  bookingClosesMinutesBefore: z.number(),
  lateCancelHoursBefore: z.number(),
  waitlistLimit: z.number().nullable(),
  active: z.boolean(),
});

const myRegistration = z.object({
  id: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  waitlistPosition: z.number().nullable(),
});

export const sessionView = z.object({
  id: z.string(),
  title: z.string(),
  classType: z.object({ id: z.string(), name: z.string(), color: z.string() }),
  coach: z.object({ id: z.string(), name: z.string() }),
  startTime: timestamp,
  endTime: timestamp,
  location: z.string(),
  notes: z.string(),
  capacity: z.number(),
  attendingCount: z.number().describe('Places taken'),
  waitingCount: z.number().describe('Clients on the waitlist'),
  isFull: z.boolean(),
  registrationsOpenAt: timestamp,
  registrationsCloseAt: timestamp,
  lateCancelsAfter: timestamp,
  creditCost: z.number(),
  status: z.enum(SESSION_STATUSES),
  scheduleId: z.string().nullable(),
  myRegistration: myRegistration
    .extend({
      promotedAt: timestamp.nullable().describe('When the caller was given a place from the waitlist'),
      cancelWouldBeLate: z.boolean().describe('Cancelling now would be a late cancellation (the credit is kept)'),
    })
    .nullable()
    .describe("The caller's own live booking or waitlist place"),
});

const rosterEntry = z.object({
  id: z.string(),
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  status: z.enum(REGISTRATION_STATUSES),
  waitlistPosition: z.number().nullable(),
  registeredAt: timestamp,
  promotedAt: timestamp.nullable(),
  attendanceMarkedAt: timestamp.nullable(),
  payment: z.enum(REGISTRATION_PAYMENTS).describe('CREDITS, COMP (free) or AT_DESK (owed until paidAt is set)'),
  paidAt: timestamp.nullable(),
});

export const sessionDetail = sessionView.extend({
  registrations: z.array(rosterEntry).optional().describe('Coaches and admins only: clients holding a place'),
  waitlist: z.array(rosterEntry).optional().describe('Coaches and admins only: the waitlist in queue order'),
});

export const sessionWindowsInput = {
  registrationsOpenAt: instant('Bookings open').optional().describe('Default: from the class type'),
  registrationsCloseAt: instant('Bookings close').optional().describe('Default: from the class type'),
  lateCancelsAfter: instant('Late cancellation').optional().describe('Default: from the class type'),
};

export const createSessionBody = z.object({
  classTypeId: uuid(),
  coachId: anyId(),
  title: text('Title', 100, { required: false }).optional(),
  startTime: instant('Start time'),
  endTime: instant('End time').optional().describe('Default: start + the class type duration'),
  capacity: z.number().int().min(1).max(500).optional(),
  location: text('Location', 200, { required: false }).optional(),
  notes: multilineText('Notes', 2000, { required: false }).optional(),
  ...sessionWindowsInput,
});

export const scopeField = z
  .enum(['THIS', 'FOLLOWING'])
  .default('THIS')
  .describe('THIS session only, or it and the FOLLOWING sessions of its schedule');

export const patchSessionBody = z
  .object({
    title: text('Title', 100, { required: false }).optional(),
    coachId: anyId().optional(),
    startTime: instant('Start time')
      .optional()
      .describe(
        "With scope FOLLOWING: this class's new start; each later class moves to the same studio time on its own date",
      ),
    endTime: instant('End time').optional(),
    capacity: z.number().int().min(0).max(500).optional(),
    location: text('Location', 200, { required: false }).optional(),
    notes: multilineText('Notes', 2000, { required: false }).optional(),
    ...sessionWindowsInput,
    scope: scopeField,
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'scope'), 'Give at least one field to change');

/** A body that may be left out entirely (no body or JSON null reads as {}). */
export function optionalBody<T extends z.ZodObject>(schema: T) {
  // Typed as what it accepts on the wire (the object, or nothing) so callers of the API see the fields.
  return z.preprocess((value) => value ?? {}, schema) as unknown as z.ZodPipe<
    z.ZodTransform<z.input<T>, z.input<T> | null | undefined>,
    T
  >;
}

export const cancelSessionBody = optionalBody(
  z.object({
    scope: scopeField,
    reason: multilineText('Reason', 300, { required: false }).optional().describe('Told to the clients'),
  }),
);

export const scheduleBody = z
  .object({
    classTypeId: uuid(),
    coachId: anyId(),
    daysOfWeek: z.array(z.enum(WEEKDAY_CODES)).min(1).max(7),
    localTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time like 06:30')
      .describe('Studio-local time of day'),
    fromDate: calendarDate('From date'),
    toDate: calendarDate('To date').optional().describe('Required unless ongoing'),
    capacity: z.number().int().min(1).max(500).optional(),
    location: text('Location', 200, { required: false }).optional(),
    title: text('Title', 100, { required: false }).optional().describe('Default: the class type name'),
    notes: multilineText('Notes', 2000, { required: false }).optional(),
    durationMins: z
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .optional()
      .describe('Length of each class; default: the class type duration'),
    ongoing: z.boolean().optional().describe('Keep generating it 4 weeks ahead (a job), instead of ending on toDate'),
  })
  .refine((b) => b.ongoing === true || b.toDate !== undefined, {
    path: ['toDate'],
    message: 'Choose the last day, or make the schedule ongoing',
  });

export const registrationResult = myRegistration;

export const myRegistrationItem = z.object({
  id: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  waitlistPosition: z.number().nullable(),
  creditsConsumed: z.number(),
  registeredAt: timestamp,
  promotedAt: timestamp.nullable(),
  cancelledAt: timestamp.nullable(),
  cancelWouldBeLate: z.boolean().describe('Cancelling now would be a late cancellation (the credit is kept)'),
  session: z.object({
    id: z.string(),
    title: z.string(),
    classType: z.object({ id: z.string(), name: z.string(), color: z.string() }),
    coach: z.object({ id: z.string(), name: z.string() }),
    startTime: timestamp,
    endTime: timestamp,
    location: z.string(),
    status: z.enum(SESSION_STATUSES),
    lateCancelsAfter: timestamp,
    creditCost: z.number(),
  }),
});

export const rangeQuery = z.object({
  from: instant('From').optional().describe('ISO 8601; default now'),
  to: instant('To').optional().describe('ISO 8601, exclusive; default from + 7 days; at most 62 days after from'),
});

export const sessionListQuery = rangeQuery.extend({
  classTypeId: z.uuid().optional(),
  coachId: z.string().max(64).optional(),
});
export const sessionList = z.array(sessionView);

export const scheduleQuery = z.object({ preview: z.enum(['true', 'false']).optional() });
export const schedulePreview = z.object({
  sessions: z.array(z.object({ startTime: timestamp, endTime: timestamp })),
  skipped: z.array(z.object({ startTime: timestamp })).describe('Slots where this class type already has a session'),
});
export const scheduleCreated = z.object({
  scheduleId: z.string(),
  sessions: z.array(sessionView),
  skipped: z.array(z.object({ startTime: timestamp })),
});

export const classTypeListQuery = z.object({ includeInactive: z.enum(['true', 'false']).optional() });
export const classTypeList = z.array(classTypeView);

export const bookBody = optionalBody(
  z.object({ userId: anyId().optional().describe('Coaches and admins: the client to book') }),
);
export const deskBookingBody = z
  .object({
    userId: anyId(),
    payment: z.enum(['COMP', 'AT_DESK']).describe('COMP: free, with a reason; AT_DESK: owed until marked paid'),
    reason: text('Reason', 200, { required: false }).optional().describe('Why the place is free (COMP only)'),
  })
  .refine((b) => b.payment !== 'COMP' || !!b.reason, { path: ['reason'], message: 'Say why this place is free' });
export const deskPaidResult = z.object({ id: z.string(), payment: z.literal('AT_DESK'), paidAt: timestamp });
/** A desk payment undone: the place is owed again. */
export const deskUnpaidResult = z.object({ id: z.string(), payment: z.literal('AT_DESK'), paidAt: z.null() });
export const cancellationResult = z.object({
  status: z.enum(['CANCELLED', 'LATE_CANCELLED']),
  refunded: z.number().describe('Credits given back'),
});
export const attendanceBody = z.object({ userId: anyId(), status: z.enum(['ATTENDED', 'NO_SHOW']) });
export const attendanceResult = z.object({
  id: z.string(),
  userId: z.string(),
  status: z.enum(['ATTENDED', 'NO_SHOW']),
});

export const myRegistrationList = z.array(myRegistrationItem);
export const calendarFeedView = z.object({
  url: z.string().describe('Private ICS address to subscribe to in Google or Apple Calendar'),
});
export const calendarFeedQuery = z.object({ token: z.string().min(20).max(100) });
export const sessionPreferences = z.object({
  bookingConfirmations: z.boolean().describe('Email and notify me when I book or join a waitlist'),
  reminders: z.boolean().describe('Remind me before each class I am booked into'),
  reminderHoursBefore: z.number().int().min(1).max(48),
});
export const sessionPreferencesPatch = sessionPreferences.partial();
