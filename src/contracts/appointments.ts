import { z } from 'zod';
import { APPOINTMENT_STATUSES, START_INTERVALS } from '../domain/appointments/types';
import { SESSION_STATUSES } from '../domain/sessions/types';
import { WEEKDAY_CODES } from '../domain/time/wall-clock';
import { anyId, instant, timestamp, uuid } from './common';
import { calendarDate, listOf, multilineText, oneOf, text, wholeNumber, yesNo } from './fields';
import { optionalBody } from './sessions';

/** Zod schemas of the 1-on-1 appointments API (they document it at /api/docs). */

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #452ddb');
const person = z.object({ id: z.string(), name: z.string() });

// ---------- Services (admin) ----------

export const serviceBody = z.object({
  name: text('Name', 80),
  description: multilineText('Description', 2000, { required: false }).optional(),
  color: hexColor.optional(),
  durationMins: wholeNumber('Duration', 5, 480).describe('Length of the appointment in minutes'),
  bufferBeforeMins: wholeNumber('Buffer before', 0, 120).optional().describe('Coach kept free before (default 0)'),
  bufferAfterMins: wholeNumber('Buffer after', 0, 120).optional().describe('Coach kept free after (default 0)'),
  startIntervalMins: z
    .union(
      START_INTERVALS.map((n) => z.literal(n)),
      { error: 'Start interval must be 15, 30 or 60 minutes' },
    )
    .optional()
    .describe('Start times snap to this grid, from midnight studio time (default 30)'),
  minNoticeHours: wholeNumber('Minimum notice', 0, 720)
    .optional()
    .describe('Hours ahead a booking must be made (default 12)'),
  bookingHorizonDays: wholeNumber('Booking horizon', 1, 365)
    .optional()
    .describe('How many days ahead clients may book (default 30)'),
  lateCancelHoursBefore: wholeNumber('Late-cancel cutoff', 0, 336)
    .optional()
    .describe('Cancelling within this many hours of the start keeps the credit (default 24)'),
  creditCost: wholeNumber('Credit cost', 0, 20)
    .optional()
    .describe('Credits one appointment costs (default 1; 0 = free)'),
  selfBookable: yesNo('Self-booking')
    .optional()
    .describe('true: clients book themselves; false: staff only (default true)'),
  coachIds: listOf('Coaches', anyId(), 50).optional().describe('The coaches who offer it'),
});

export const servicePatch = serviceBody
  .partial()
  .extend({ active: yesNo('Active').optional().describe('false archives the service: no new bookings') });

export const serviceView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  color: z.string(),
  durationMins: z.number(),
  bufferBeforeMins: z.number(),
  bufferAfterMins: z.number(),
  startIntervalMins: z.number(),
  minNoticeHours: z.number(),
  bookingHorizonDays: z.number(),
  lateCancelHoursBefore: z.number(),
  creditCost: z.number(),
  selfBookable: z.boolean(),
  active: z.boolean(),
  coaches: z.array(person),
});

export const serviceListQuery = z.object({
  includeInactive: z.enum(['true', 'false']).optional().describe('Admins: archived services too'),
});
export const serviceList = z.array(serviceView);

// ---------- Availability (the coach for themselves, admin for anyone) ----------

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const localTime = (label: string) =>
  z.string({ error: `${label} must be a time like 09:00` }).regex(HH_MM, `${label} must be a 24-hour time like 09:00`);
/** A time of day range in studio wall-clock time; `end` may be 24:00 (midnight at the end of the day). */
export const timeRange = z
  .object({
    start: localTime('Start'),
    end: z.union([localTime('End'), z.literal('24:00')], { error: 'End must be a 24-hour time like 17:00' }),
  })
  .refine((r) => r.end > r.start, { message: 'End must be after the start', path: ['end'] });

const rangesOfADay = listOf('Time ranges', timeRange, 12).refine(
  (ranges) => {
    const sorted = [...ranges].sort((a, b) => a.start.localeCompare(b.start));
    return sorted.every((r, i) => i === 0 || r.start >= sorted[i - 1]!.end);
  },
  { message: 'Time ranges of one day must not overlap' },
);

export const weeklyDay = z.object({ weekday: oneOf('Weekday', WEEKDAY_CODES), ranges: rangesOfADay });

export const weeklyHoursBody = z
  .object({
    days: listOf('Days', weeklyDay, 7).describe('Working hours per weekday in studio time; a weekday left out is off'),
  })
  .refine((b) => new Set(b.days.map((d) => d.weekday)).size === b.days.length, {
    message: 'Give each weekday once',
    path: ['days'],
  });

export const overrideBody = z.object({
  ranges: rangesOfADay.describe('Working hours on that date instead of the weekly ones; empty = off all day'),
});

export const timeOffBody = z
  .object({
    fromDate: calendarDate('From date'),
    toDate: calendarDate('To date').describe('Inclusive'),
    note: text('Note', 200, { required: false }).optional(),
  })
  .refine((b) => b.toDate >= b.fromDate, { message: 'To date must be on or after the from date', path: ['toDate'] });

export const coachDateParam = z.object({ id: anyId(), date: calendarDate('The date') });
export const coachTimeOffParam = z.object({ id: anyId(), timeOffId: uuid() });

export const availabilityView = z.object({
  coach: person,
  timeZone: z.string().describe('The studio time zone the times are in'),
  weekly: z.array(
    z.object({ weekday: z.enum(WEEKDAY_CODES), ranges: z.array(z.object({ start: z.string(), end: z.string() })) }),
  ),
  overrides: z
    .array(z.object({ date: z.string(), ranges: z.array(z.object({ start: z.string(), end: z.string() })) }))
    .describe('From today on; empty ranges = off that day'),
  timeOff: z
    .array(z.object({ id: z.string(), fromDate: z.string(), toDate: z.string(), note: z.string() }))
    .describe('Not yet over'),
  services: z.array(person.extend({ color: z.string() })).describe('Services this coach offers'),
});

// ---------- Slots ----------

export const slotsQuery = z
  .object({
    serviceId: uuid(),
    from: calendarDate('From').describe('Studio-local first day'),
    to: calendarDate('To').describe('Studio-local last day (inclusive), at most 31 days after from'),
    coachId: anyId().optional().describe('One coach; default every coach who offers the service'),
    clientId: anyId().optional().describe('Staff: whose credits to show'),
  })
  .refine((q) => q.to >= q.from, { message: 'To must be on or after from', path: ['to'] });

export const slotsView = z.object({
  service: serviceView,
  timeZone: z.string(),
  coaches: z.array(z.object({ coach: person, slots: z.array(timestamp).describe('Free start instants') })),
  credits: z
    .object({
      cost: z.number(),
      usable: z.number().describe('Credits the client holds that pay for this service now'),
      paidBy: z
        .object({ planName: z.string().nullable(), validUntil: timestamp.nullable() })
        .nullable()
        .describe('The grant a booking would use now; null = none'),
    })
    .nullable()
    .describe('For the caller (or clientId for staff); null for staff without a client'),
});

// ---------- Appointments ----------

export const appointmentView = z.object({
  id: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  service: z.object({ id: z.string(), name: z.string(), color: z.string(), durationMins: z.number() }),
  coach: person,
  client: person.extend({ email: z.string() }),
  startTime: timestamp,
  endTime: timestamp,
  notes: z.string().describe('Seen by the client'),
  coachNotes: z.string().optional().describe('Coaches and admins only'),
  bookedBy: person.nullable(),
  compReason: z.string().nullable().describe('Booked without credits by staff, and why'),
  creditsConsumed: z.number(),
  lateCancelsAfter: timestamp,
  cancelWouldBeLate: z.boolean().describe('Cancelling now would be late (the credit is kept)'),
  cancelledAt: timestamp.nullable(),
  attendanceMarkedAt: timestamp.nullable(),
  createdAt: timestamp,
});

export const bookAppointmentBody = z.object({
  serviceId: uuid(),
  coachId: anyId()
    .optional()
    .describe(
      'Left out = any coach: of those free then, the one with the fewest 1-on-1s that day, then that week (ties by name)',
    ),
  startTime: instant('Start time'),
  clientId: anyId().optional().describe('Coaches and admins: the client to book; default yourself'),
  compReason: text('Comp reason', 200)
    .optional()
    .describe('Coaches and admins: book without credits, with this reason in the ledger'),
  notes: multilineText('Notes', 2000, { required: false }).optional(),
});

export const cancelAppointmentBody = optionalBody(
  z.object({ reason: multilineText('Reason', 300, { required: false }).optional().describe('Told to the other side') }),
);
export const appointmentCancellation = z.object({
  status: z.enum(['CANCELLED', 'LATE_CANCELLED']),
  late: z.boolean(),
  refunded: z.number().describe('Credits given back'),
  appointment: appointmentView,
});

export const moveAppointmentBody = z.object({
  startTime: instant('Start time'),
  coachId: anyId().optional().describe('Another coach who offers the service; default the same'),
});

export const appointmentAttendanceBody = z.object({ status: z.enum(['ATTENDED', 'NO_SHOW']) });

export const appointmentPatch = z
  .object({
    notes: multilineText('Notes', 2000, { required: false }).optional(),
    coachNotes: multilineText('Coach notes', 4000, { required: false }).optional().describe('Coaches and admins'),
  })
  .refine((b) => b.notes !== undefined || b.coachNotes !== undefined, 'Give notes or coach notes');

export const appointmentRangeQuery = z
  .object({
    from: calendarDate('From').optional().describe('Studio-local first day; default today'),
    to: calendarDate('To').optional().describe('Studio-local last day (inclusive); default from + 30 days; at most 62'),
  })
  .refine((q) => !q.from || !q.to || q.to >= q.from, { message: 'To must be on or after from', path: ['to'] });
export const appointmentList = z.array(appointmentView);

// ---------- Calendars: classes and appointments together ----------

export const calendarQuery = z
  .object({
    from: calendarDate('From').describe('Studio-local first day'),
    to: calendarDate('To').describe('Studio-local last day (inclusive), at most 31 days after from'),
    coachId: anyId().optional().describe('Studio calendar: one coach only'),
  })
  .refine((q) => q.to >= q.from, { message: 'To must be on or after from', path: ['to'] });

const classItem = z.object({
  kind: z.literal('CLASS'),
  id: z.string().describe('The session id'),
  title: z.string(),
  classType: z.object({ id: z.string(), name: z.string(), color: z.string() }),
  coach: person,
  startTime: timestamp,
  endTime: timestamp,
  location: z.string(),
  capacity: z.number(),
  attendingCount: z.number(),
  status: z.enum(SESSION_STATUSES),
});
const appointmentItem = z.object({
  kind: z.literal('APPOINTMENT'),
  id: z.string().describe('The appointment id'),
  service: z.object({ id: z.string(), name: z.string(), color: z.string() }),
  coach: person,
  client: person,
  startTime: timestamp,
  endTime: timestamp,
  busyFrom: timestamp.describe('Start minus the buffer before'),
  busyUntil: timestamp.describe('End plus the buffer after'),
  status: z.enum(APPOINTMENT_STATUSES),
});
export const calendarView = z.object({
  timeZone: z.string(),
  items: z.array(z.discriminatedUnion('kind', [classItem, appointmentItem])).describe('By start time'),
});
