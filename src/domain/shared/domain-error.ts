/**
 * A broken business rule or a missing thing, named by a stable SCREAMING_SNAKE code.
 * The domain never knows HTTP: `src/server/error-status.ts` maps codes to statuses.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
