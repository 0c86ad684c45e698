import { z } from 'zod';
import { REGISTRATION_STATUSES, SESSION_STATUSES } from '../domain/sessions/types';
import { WEEKDAY_CODES } from '../domain/time/wall-clock';
import { isLocalDate } from '../domain/time/studio-week';
import { timestamp } from './common';

/** Zod schemas of the group-sessions API (they document it at /api/docs). */

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #452ddb');
const hours = (max: number) => z.number().int().min(0).max(max);

export const classTypeBody = z.object({
  name: z.string().trim().min(1).max(60),
  description: z.string().max(2000).optional(),
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
});

export const sessionDetail = sessionView.extend({
  registrations: z.array(rosterEntry).optional().describe('Coaches and admins only: clients holding a place'),
  waitlist: z.array(rosterEntry).optional().describe('Coaches and admins only: the waitlist in queue order'),
});

export const sessionWindowsInput = {
  registrationsOpenAt: timestamp.optional().describe('Default: from the class type'),
  registrationsCloseAt: timestamp.optional().describe('Default: from the class type'),
  lateCancelsAfter: timestamp.optional().describe('Default: from the class type'),
};

export const createSessionBody = z.object({
  classTypeId: z.uuid(),
  coachId: z.string().min(1).max(64),
  title: z.string().trim().max(100).optional(),
  startTime: timestamp,
  endTime: timestamp.optional().describe('Default: start + the class type duration'),
  capacity: z.number().int().min(1).max(500).optional(),
  location: z.string().max(200).optional(),
  notes: z.string().max(2000).optional(),
  ...sessionWindowsInput,
});

export const scopeField = z
  .enum(['THIS', 'FOLLOWING'])
  .default('THIS')
  .describe('THIS session only, or it and the FOLLOWING sessions of its schedule');

export const patchSessionBody = z
  .object({
    title: z.string().trim().max(100).optional(),
    coachId: z.string().min(1).max(64).optional(),
    startTime: timestamp
      .optional()
      .describe(
        "With scope FOLLOWING: this class's new start; each later class moves to the same studio time on its own date",
      ),
    endTime: timestamp.optional(),
    capacity: z.number().int().min(0).max(500).optional(),
    location: z.string().max(200).optional(),
    notes: z.string().max(2000).optional(),
    ...sessionWindowsInput,
    scope: scopeField,
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'scope'), 'Give at least one field to change');

/** A body that may be left out entirely (no body or JSON null reads as {}). */
export function optionalBody<T extends z.ZodObject>(schema: T) {
  return z.preprocess((value) => value ?? {}, schema);
}

export const cancelSessionBody = optionalBody(
  z.object({ scope: scopeField, reason: z.string().max(300).optional().describe('Told to the clients') }),
);

const localDate = z.string().refine(isLocalDate, 'Use a date like 2027-03-22');

export const scheduleBody = z.object({
  classTypeId: z.uuid(),
  coachId: z.string().min(1).max(64),
  daysOfWeek: z.array(z.enum(WEEKDAY_CODES)).min(1).max(7),
  localTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time like 06:30')
    .describe('Studio-local time of day'),
  fromDate: localDate,
  toDate: localDate,
  capacity: z.number().int().min(1).max(500).optional(),
  location: z.string().max(200).optional(),
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
  from: timestamp.optional().describe('ISO 8601; default now'),
  to: timestamp.optional().describe('ISO 8601, exclusive; default from + 7 days; at most 62 days after from'),
});
