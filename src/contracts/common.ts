import { z } from 'zod';
import { ALL_ERROR_CODES } from '../domain/shared/error-codes';
import './error-map';
import { dateWindowMessage, isWithinDateWindow } from './date-window';

export { dateWindowMessage, isWithinDateWindow } from './date-window';

/**
 * Shared zod pieces for request/response schemas. `timestamp` accepts a Date from the service
 * layer and sends it as an ISO 8601 UTC string (a zod codec, so OpenAPI shows a date-time string).
 * Responses use it as is; requests use `instant` (fields.ts), which also bounds the date.
 */
export const timestamp = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (iso) => new Date(iso),
  encode: (date) => date.toISOString(),
});

/** One problem with one request field: `path` is dotted (`prompts.2.key`; `querystring.limit`). */
export const fieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldError>;

/**
 * Every error body. `fields` lists each field problem (all zod issues of a rejected request, or the
 * field a business rule is about) so a form can show each message under its input.
 */
export const errorBody = z.object({
  error: z.object({
    code: z.enum(ALL_ERROR_CODES),
    message: z.string().describe('A sentence a person understands'),
    fields: z.array(fieldError).optional(),
  }),
});

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A UUID, lower-cased: the database compares ids as text in places (audit targets, user ids), so
 * `ABC…` and `abc…` must become the same id before anything reads or records it.
 */
export const uuid = (message?: string) => z.uuid(message ? { error: message } : undefined).toLowerCase();

/** An id of any shape up to 64 characters (user ids); one shaped like a UUID is lower-cased. */
export const anyId = (message?: string) =>
  z
    .string(message ? { error: message } : undefined)
    .min(1, message)
    .max(64, message)
    .overwrite((id) => (UUID_SHAPE.test(id) ? id.toLowerCase() : id));

export const idParam = z.object({ id: anyId() });
export const uuidParam = z.object({ id: uuid() });

/** `timestamp` with the date window checked: a request's instant (see date-window.ts). */
export const instant = (label = 'The date') =>
  z
    .codec(
      z.iso.datetime({ offset: true, error: `${label} must be a date and time like 2027-03-22T09:00:00Z` }),
      z.date(),
      {
        decode: (iso) => new Date(iso),
        encode: (date) => date.toISOString(),
      },
    )
    .refine((date) => isWithinDateWindow(date), dateWindowMessage(label));

/** The error statuses most routes can answer with, for OpenAPI. */
export const commonErrors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
} as const;
