import type { ErrorCode } from './error-codes';

/**
 * A broken business rule or a missing thing, named by a stable SCREAMING_SNAKE code.
 * The domain never knows HTTP: `src/server/error-status.ts` maps codes to statuses.
 * `details.field` names the request field the error is about (a dotted path such as
 * `prompts.2.key`); the API then lists it in `error.fields` so a form shows it under that input.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { field?: string } & Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
