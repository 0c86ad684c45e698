import { z } from 'zod';
import { ALL_ERROR_CODES } from '../domain/shared/error-codes';
import './error-map';

/**
 * Shared zod pieces for request/response schemas. `timestamp` accepts a Date from the service
 * layer and sends it as an ISO 8601 UTC string (a zod codec, so OpenAPI shows a date-time string).
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
export type ErrorBody = z.infer<typeof errorBody>;

export const idParam = z.object({ id: z.string().min(1).max(64) });
export const uuidParam = z.object({ id: z.uuid() });

/** The error statuses most routes can answer with, for OpenAPI. */
export const commonErrors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
} as const;
