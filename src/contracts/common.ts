import { z } from 'zod';

/**
 * Shared zod pieces for request/response schemas. `timestamp` accepts a Date from the service
 * layer and sends it as an ISO 8601 UTC string (a zod codec, so OpenAPI shows a date-time string).
 */
export const timestamp = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (iso) => new Date(iso),
  encode: (date) => date.toISOString(),
});

export const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

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
