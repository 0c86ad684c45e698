import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { FieldError } from '../../contracts/common';
import { sqlStateOf } from '../../db/errors';
import { isDomainError, type DomainError } from '../../domain/shared/domain-error';
import type { ErrorCode } from '../../domain/shared/error-codes';
import { statusForCode } from '../error-status';
import { databaseUnavailableReply } from './database-unavailable';
import { splitLeadIn, validationMessage } from './validation-message';

/** `fields` (validation and field-level domain errors) lets a form show each message under its input. */
export function sendError(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
  fields?: FieldError[],
) {
  const error = fields?.length ? { code, message, fields } : { code, message };
  return reply.status(status).type('application/json').send({ error });
}

/** The database's own integrity errors, as a last line of defence: never a 500 for bad input. */
const PG_ERRORS: Record<string, [number, ErrorCode, string]> = {
  '23505': [409, 'CONFLICT', 'That already exists'],
  '23503': [422, 'REFERENCE_NOT_FOUND', 'Something this refers to does not exist'],
  '23514': [422, 'CONSTRAINT_VIOLATION', 'That change breaks a rule of the studio'],
  '22P02': [400, 'VALIDATION_ERROR', 'A value has the wrong format'],
  '22007': [400, 'VALIDATION_ERROR', 'A date or time has the wrong format'],
  '22008': [400, 'VALIDATION_ERROR', 'A date or time is out of range'],
  '22021': [400, 'VALIDATION_ERROR', 'Text contains a character that cannot be stored'],
  '22P05': [400, 'VALIDATION_ERROR', 'Text contains a character that cannot be stored'],
  '22003': [400, 'VALIDATION_ERROR', 'A number is out of range'],
};

/** Every zod issue (not just the first), as `{ path, message }`; query and params paths say so. */
function validationFields(error: FastifyError): FieldError[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [{ path: '', message: error.message }];
  return error.validation.map((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const where = error.validationContext === 'body' ? path : [error.validationContext, path].filter(Boolean).join('.');
    return { path: where, message: issue.message ?? 'Invalid value' };
  });
}

/** A domain error about one field: its message without the "field: " lead-in the domain writes. */
function domainFields(error: DomainError): FieldError[] | undefined {
  const split = splitLeadIn(error.message);
  const path = error.details?.field ?? (error.code === 'VALIDATION_ERROR' ? split.path : null);
  if (!path) return undefined;
  return [{ path, message: split.message.charAt(0).toUpperCase() + split.message.slice(1) }];
}

/** A domain VALIDATION_ERROR reads like a zod one: a sentence on top, the field's words in `fields`. */
function domainMessage(error: DomainError, fields: FieldError[] | undefined): string {
  if (error.code !== 'VALIDATION_ERROR') return error.message;
  return fields ? validationMessage(fields) : splitLeadIn(error.message).message;
}

/** Every error leaves as `{ error: { code, message, fields? } }` with the right status, never an HTML page. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((raw: unknown, request, reply) => {
    if (isDomainError(raw)) {
      const fields = domainFields(raw);
      return sendError(reply, statusForCode(raw.code), raw.code, domainMessage(raw, fields), fields);
    }
    if (hasZodFastifySchemaValidationErrors(raw)) {
      const fields = validationFields(raw);
      return sendError(reply, 400, 'VALIDATION_ERROR', validationMessage(fields), fields);
    }
    const error = raw as FastifyError;
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendError(reply, 400, 'INVALID_JSON', 'The request body is not valid JSON');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(reply, 413, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json');
    }
    if (error instanceof SyntaxError)
      return sendError(reply, 400, 'INVALID_JSON', 'The request body is not valid JSON');
    const unavailable = databaseUnavailableReply(error);
    if (unavailable) return sendError(reply, unavailable.status, unavailable.code, unavailable.message);
    const pg = sqlStateOf(error);
    if (pg && PG_ERRORS[pg]) {
      const [status, code, message] = PG_ERRORS[pg];
      request.log.warn({ err: error }, 'database rejected a request');
      return sendError(reply, status, code, message);
    }
    if (isResponseSerializationError(raw))
      request.log.error({ err: error, cause: error.cause }, 'response did not match its schema');
    else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, error.statusCode, 'BAD_REQUEST', error.message);
    } else request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, 500, 'INTERNAL_ERROR', 'Something went wrong on our side. Please try again.');
  });
}
