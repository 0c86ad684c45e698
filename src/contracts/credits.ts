import { z } from 'zod';
import { GRANT_SOURCES, LEDGER_KINDS, MEMBERSHIP_STATUSES, PLAN_TYPES } from '../domain/credits/plan-types';
import { dateWindowMessage, isWithinDateWindow, timestamp, uuid } from './common';
import { calendarDate, multilineText, text } from './fields';

/** Zod schemas of the memberships-and-credits API (they document it at /api/docs). */

const count = (max: number) => z.number().int().min(1).max(max);
const localDate = z.iso.date().describe('A studio-local calendar date, YYYY-MM-DD');

export const planBody = z.object({
  name: text('Name', 80),
  type: z
    .enum(PLAN_TYPES)
    .describe('RECURRING: weekly credits, monthly price. PACK: credits once. PREPAID: fixed term with weekly credits.'),
  description: multilineText('Description', 2000, { required: false }).optional(),
  features: z.array(text('A feature', 120)).max(20).optional().describe('Selling points, e.g. "HR monitor included"'),
  creditsPerWeek: count(100).nullish().describe('Required for RECURRING and PREPAID'),
  totalCredits: count(1000).nullish().describe('Required for PACK'),
  durationDays: count(3650).nullish().describe('Required for PREPAID: the length of the term in days (6 weeks = 42)'),
  commitmentMonths: count(60).nullish().describe('RECURRING: minimum months'),
  expiryDays: count(3650).nullish().describe('PACK: days the credits last from the start; omit = never expire'),
  price: z.number().min(0).max(1_000_000).describe('In major units: 109 = £109.00 (per month for RECURRING)'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code, e.g. GBP')
    .optional(),
  purchasableByClient: z.boolean().optional().describe('Shown to clients on the plans page (default true)'),
  allowRepeatPurchase: z.boolean().optional().describe('false = a client can hold this plan only once'),
  classTypeIds: z.array(uuid()).max(50).optional().describe('Class types it pays for (see coversAllClassTypes)'),
  coversAllClassTypes: z
    .boolean()
    .optional()
    .describe(
      'true: pays for every class type (classTypeIds ignored); false: only classTypeIds (none = no classes). ' +
        'Default: true when neither classTypeIds nor appointmentServiceIds are given',
    ),
  appointmentServiceIds: z
    .array(uuid())
    .max(50)
    .optional()
    .describe('1-on-1 appointment services it pays for; empty = none (a class pack never pays for a massage)'),
});

export const planPatch = planBody
  .partial()
  .extend({ active: z.boolean().optional().describe('false deactivates: no new memberships') });

export const planView = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(PLAN_TYPES),
  description: z.string(),
  features: z.array(z.string()),
  creditsPerWeek: z.number().nullable(),
  totalCredits: z.number().nullable(),
  durationDays: z.number().nullable(),
  commitmentMonths: z.number().nullable(),
  expiryDays: z.number().nullable(),
  price: z.number(),
  priceMinor: z.number(),
  currency: z.string(),
  purchasableByClient: z.boolean(),
  allowRepeatPurchase: z.boolean(),
  classTypes: z.array(z.object({ id: z.string(), name: z.string() })),
  coversAllClassTypes: z.boolean().describe('Pays for every class type (classTypes is then empty)'),
  appointmentServices: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .optional()
    .describe('1-on-1 services it pays for; present while appointments are switched on'),
  active: z.boolean(),
  activeMembers: z.number().optional().describe('Admins only: members holding it now'),
});

export const membershipView = z.object({
  id: z.string(),
  userId: z.string(),
  planId: z.string(),
  planName: z.string(),
  planType: z.enum(PLAN_TYPES),
  status: z.enum(MEMBERSHIP_STATUSES),
  startDate: localDate,
  endDate: localDate.nullable().describe('Last day covered (inclusive)'),
  pausedOn: localDate.nullable(),
  pause: z
    .object({ from: localDate, until: localDate, reason: z.string() })
    .nullable()
    .describe('A pause booked for dates (until = last paused day; it resumes the day after)'),
  commitmentEndsOn: localDate.nullable(),
  creditsPerWeek: z.number().nullable(),
  totalCredits: z.number().nullable(),
  paymentReference: z.string().nullable(),
  assignedByName: z.string().nullable(),
  createdAt: timestamp,
});

export const assignBody = z.object({
  planId: uuid(),
  startDate: calendarDate('Start date'),
  paymentReference: text('Payment reference', 200, { required: false })
    .optional()
    .describe('Free text until online payment exists, e.g. "Cash 12/03"'),
});

export const statusBody = z.object({
  status: z.enum(['ACTIVE', 'PAUSED', 'CANCELLED']).describe('PAUSED pauses, ACTIVE resumes, CANCELLED ends it today'),
});

export const pauseBody = z.object({
  from: calendarDate('First day of the pause'),
  until: calendarDate('Last day of the pause'),
  reason: text('Reason', 200),
});

/** An instant, or a studio-local date (from: the start of that day; until: the end of that day). */
const instantOrDate = (label: string) =>
  z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], {
      error: `${label} must be a date like 2027-03-22 or a date and time`,
    })
    .refine((value) => isWithinDateWindow(value.length === 10 ? value : new Date(value)), dateWindowMessage(label));

export const adjustBody = z.object({
  amount: z
    .number()
    .int()
    .min(-1000)
    .max(1000)
    .refine((n) => n !== 0, 'Give a number of credits other than 0')
    .describe('Positive adds a grant; negative removes from current credits'),
  reason: text('Reason', 200),
  validFrom: instantOrDate('Valid from').optional().describe('Adding only; default now'),
  validUntil: instantOrDate('Valid until')
    .optional()
    .describe('Adding only; default never expires. A date means through the end of that day'),
});

export const grantView = z.object({
  grantId: z.string(),
  remaining: z.number(),
  amount: z.number(),
  validFrom: timestamp,
  validUntil: timestamp.nullable(),
  source: z.enum(GRANT_SOURCES),
  planName: z.string().nullable(),
  weekStart: localDate.nullable(),
  onHold: z.boolean().describe('The membership is paused: not usable for now'),
});

export const creditsView = z.object({
  available: z.array(grantView).describe('Credits you can book with, soonest to expire first'),
  onHold: z.array(grantView).describe('Credits of a paused membership: usable again once it resumes'),
  totalUpcoming: z.number().describe('Sum of available'),
  currentWeekStart: localDate,
  thisWeek: z.number().describe('Usable for classes in the rest of this studio week'),
  nextWeek: z.number().describe('Usable for classes next studio week'),
});

export const ledgerEntryView = z.object({
  id: z.string(),
  kind: z.enum(LEDGER_KINDS),
  amount: z.number(),
  reasonCode: z.string(),
  description: z.string(),
  label: z.string().describe('The row in plain words'),
  grantId: z.string().nullable(),
  registrationId: z.string().nullable(),
  sessionId: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: timestamp,
});

export const ledgerPage = z.object({ entries: z.array(ledgerEntryView), nextCursor: z.string().nullable() });

export const ledgerQuery = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, 'Use the nextCursor of the previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const memberRow = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  active: z.boolean(),
  plans: z.array(
    z.object({
      membershipId: z.string(),
      planName: z.string(),
      planType: z.enum(PLAN_TYPES),
      status: z.enum(MEMBERSHIP_STATUSES),
      endDate: localDate.nullable().describe('Last day covered (inclusive)'),
    }),
  ),
  creditsThisWeek: z.number(),
});

export const planList = z.object({ plans: z.array(planView) });
export const membershipList = z.object({ memberships: z.array(membershipView) });
export const adjustResult = z.object({
  amount: z.number(),
  balance: z.number().describe('Credits from now on after the change'),
});
export const memberSearchQuery = z.object({
  query: z.string().max(200).optional().describe('Part of a name or email'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const memberSearchResult = z.object({ members: z.array(memberRow), total: z.number() });
