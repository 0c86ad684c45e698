import { z } from 'zod';
import { ROLES } from '../domain/access/roles';
import { EMAIL_STATUSES } from '../domain/email/email-status';
import { timestamp } from './common';
import { calendarDate, emailAddress, oneOf, personName, phoneNumber, text } from './fields';

/** Zod schemas of the admin screens: users, the audit log and the email outbox. */

export const userSummary = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  role: z.enum(ROLES),
  active: z.boolean(),
  /** Has a password or a Google sign-in; false for an invite not yet used and for imported people. */
  hasSignIn: z.boolean(),
  createdAt: timestamp,
});

/** What an admin edits of a person: name, email and phone (an empty phone clears it). */
export const personDetailsBody = z.object({ name: personName(), email: emailAddress(), phone: phoneNumber() });

/** Adds a person and emails them an invite with a link to choose a password. */
export const inviteUserBody = personDetailsBody.extend({ role: oneOf('Role', ROLES) });

export const emailSent = z.object({ sentTo: z.string() });

export const userSearchQuery = z.object({
  query: z.string().max(200).optional(),
  role: z.enum(ROLES).optional(),
  /** `newest`: most recent sign-ups first (the admin home's "New sign-ups"). */
  sort: z.enum(['name', 'newest']).default('name'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const userSearchResult = z.object({ users: z.array(userSummary), total: z.number() });

export const userChangeBody = z
  .object({ role: z.enum(ROLES).optional(), active: z.boolean().optional() })
  .refine((b) => b.role !== undefined || b.active !== undefined, 'Give a role or active');

const pageQuery = z.object({
  before: z.iso.datetime({ offset: true }).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditLogQuery = pageQuery.extend({
  targetId: z.string().max(100).optional(),
  /** Entries this person did, or that are about them: their account, memberships, bookings, payments, cohorts. */
  personId: z.string().max(100).optional(),
  /** Only the entries about this person (their account history), not what they did. */
  subjectId: z.string().max(100).optional(),
  action: text('Action', 100).optional(),
  from: calendarDate('From').optional().describe('First studio-local day, YYYY-MM-DD'),
  to: calendarDate('To').optional().describe('Last studio-local day, YYYY-MM-DD'),
});
export const auditLogPage = z.object({
  entries: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      targetType: z.string(),
      targetId: z.string().nullable(),
      before: z.unknown(),
      after: z.unknown(),
      createdAt: timestamp,
      actor: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
      /** The person, class, plan or cohort acted on, by name when it still exists. */
      target: z.object({ type: z.string(), id: z.string(), name: z.string().nullable() }).nullable(),
      /** The change in plain words, e.g. "Role: Client → Coach". */
      summary: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const outboxQuery = pageQuery;
export const outboxPage = z.object({
  emails: z.array(
    z.object({
      id: z.string(),
      to: z.string(),
      subject: z.string(),
      text: z.string(),
      link: z.string().nullable().describe('A path inside the app, sent as BASE_URL + path'),
      kind: z.string(),
      status: z.enum(EMAIL_STATUSES),
      createdAt: timestamp,
      sentAt: timestamp.nullable(),
      lastError: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
