import { z } from 'zod';
import { isLocalDate } from '../domain/time/studio-week';
import { timestamp } from './common';
import { multilineText, phoneNumber, text, wholeNumber } from './fields';

/** Zod schemas of a client's profile (staff's view) and the studio's waiver. */

/** A date of birth: YYYY-MM-DD, from 1900 to today (older than the ±5-year window of other dates). */
const dateOfBirth = z
  .string({ error: 'Use a date like 1990-04-23' })
  .refine(isLocalDate, { message: 'Use a date like 1990-04-23', abort: true }) // one message, not two
  .refine(
    (value) => value >= '1900-01-01' && value <= new Date().toISOString().slice(0, 10),
    'Date of birth must be between 1900 and today',
  );

/** What staff (and the client themself) fill in; an empty string clears a field. */
export const clientProfileBody = z.object({
  emergencyContactName: text('Emergency contact', 100, { required: false }),
  emergencyContactPhone: phoneNumber(),
  dateOfBirth: dateOfBirth.or(z.literal('')),
  healthNotes: multilineText('Health notes', 4000, { required: false }),
});

/** What a client fills in about themself on their Profile page: their phone too. */
export const myProfileBody = clientProfileBody.extend({ phone: phoneNumber() });

/** A person's own profile: only ever their own (GET/PUT /api/me/profile). */
export const myProfileView = z.object({
  phone: z.string().nullable(),
  emergencyContactName: z.string().nullable(),
  emergencyContactPhone: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  healthNotes: z.string().nullable(),
  updatedAt: timestamp.nullable(),
});

export const waiverAcceptance = z.object({ version: z.number(), acceptedAt: timestamp }).nullable();

/** A client as staff see them: never returned to another client. */
export const clientProfileView = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  emergencyContactName: z.string().nullable(),
  emergencyContactPhone: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  healthNotes: z.string().nullable(),
  /** The latest waiver they accepted; `currentWaiver` says whether it is the studio's current one. */
  waiverAccepted: waiverAcceptance,
  currentWaiver: z.number(),
  updatedAt: timestamp.nullable(),
});

/** The studio's waiver as a client reads it before booking, with their own acceptance. */
export const waiverView = z.object({
  /** 0 when the studio asks for no waiver. */
  version: z.number(),
  text: z.string(),
  publishedAt: timestamp.nullable(),
  accepted: waiverAcceptance,
});

export const publishWaiverBody = z.object({
  text: multilineText('Waiver', 20_000, { required: false }).describe('Empty: the studio stops asking for one'),
});

export const acceptWaiverBody = z.object({ version: wholeNumber('Waiver version', 1, 1_000_000) });

/** Beside each name on a class roster, for staff (see loadRosterFacts). */
export const rosterFacts = z.object({
  people: z.array(
    z.object({
      userId: z.string(),
      phone: z.string().nullable(),
      firstVisit: z.boolean(),
      hasHealthNote: z.boolean(),
      creditsLeft: z.number(),
      creditStatus: z.enum(['NONE', 'LOW', 'OK']),
    }),
  ),
});
