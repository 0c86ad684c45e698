import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { sqlStateOf } from '../../db/errors';
import { isDomainError } from '../../domain/shared/domain-error';
import { statusForCode } from '../error-status';

export function sendError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.status(status).type('application/json').send({ error: { code, message } });
}

/** The database's own integrity errors, as a last line of defence: never a 500 for bad input. */
const PG_ERRORS: Record<string, [number, string, string]> = {
  '23505': [409, 'CONFLICT', 'That already exists'],
  '23503': [422, 'REFERENCE_NOT_FOUND', 'Something this refers to does not exist'],
  '23514': [422, 'CONSTRAINT_VIOLATION', 'That change breaks a rule of the studio'],
  '22P02': [400, 'VALIDATION_ERROR', 'A value has the wrong format'],
  '22007': [400, 'VALIDATION_ERROR', 'A date or time has the wrong format'],
  '22008': [400, 'VALIDATION_ERROR', 'A date or time is out of range'],
  '22003': [400, 'VALIDATION_ERROR', 'A number is out of range'],
};

function describeValidation(error: FastifyError): string {
  if (!hasZodFastifySchemaValidationErrors(error)) return error.message;
  const first = error.validation[0];
  const path = (first?.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  const where = error.validationContext === 'body' ? path : `${error.validationContext}${path ? `.${path}` : ''}`;
  return where ? `${where}: ${first?.message ?? 'invalid'}` : (first?.message ?? 'Invalid request');
}

/** Every error leaves as `{ error: { code, message } }` with the right status, never an HTML page. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((raw: unknown, request, reply) => {
    if (isDomainError(raw)) return sendError(reply, statusForCode(raw.code), raw.code, raw.message);
    if (hasZodFastifySchemaValidationErrors(raw))
      return sendError(reply, 400, 'VALIDATION_ERROR', describeValidation(raw));
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
