/*
 * PostgreSQL's errors as the app sees them: drizzle wraps the driver's error (node-postgres or
 * PGlite) in its own, so the SQLSTATE, the constraint and the message sit one or more `cause`s
 * down. Every question about a database error goes through `postgresErrorOf`.
 */

/** The SQLSTATEs the app acts on by name. */
export const SQLSTATE = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  /** An exclusion constraint (the appointments' one-place-at-a-time rule). */
  exclusionViolation: '23P01',
  deadlockDetected: '40P01',
  serializationFailure: '40001',
  /** `roster_abort(reason)` (migration 0008, statement-abort.ts). */
  statementAborted: 'RA001',
} as const;

export interface PostgresError {
  /** The five-character SQLSTATE, e.g. 23505. */
  code: string;
  message: string;
  /** The constraint or index that refused the row, when the driver names it. */
  constraint?: string;
}

const SQLSTATE_SHAPE = /^[0-9A-Z]{5}$/;
/** Deep enough for drizzle's wrapper around the driver's error, and a wrapper of ours around that. */
const MAX_DEPTH = 5;

/** The PostgreSQL error in `error` or in the chain of errors it wraps, if any. */
export function postgresErrorOf(error: unknown): PostgresError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < MAX_DEPTH; depth++) {
    const { code, message, constraint, cause } = current as Record<string, unknown>;
    if (typeof code === 'string' && SQLSTATE_SHAPE.test(code))
      return {
        code,
        message: typeof message === 'string' ? message : '',
        constraint: typeof constraint === 'string' ? constraint : undefined,
      };
    current = cause;
  }
  return undefined;
}

/** The SQLSTATE of a database error (or one it wraps). */
export function sqlStateOf(error: unknown): string | undefined {
  return postgresErrorOf(error)?.code;
}

/**
 * True when the error is a unique violation — of the named index or constraint when one is given
 * (matched on the driver's `constraint` field, or its message where a driver leaves that out).
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = postgresErrorOf(error);
  if (pg?.code !== SQLSTATE.uniqueViolation) return false;
  return constraint === undefined || pg.constraint === constraint || pg.message.includes(constraint);
}

/** True when the named exclusion constraint refused the row. */
export function isExclusionViolation(error: unknown, constraint: string): boolean {
  const pg = postgresErrorOf(error);
  if (pg?.code !== SQLSTATE.exclusionViolation) return false;
  return pg.constraint === constraint || pg.message.includes(constraint);
}

/** PostgreSQL picked this transaction as a deadlock victim or failed it to keep serializability: try again. */
export function isRetryable(error: unknown): boolean {
  const code = sqlStateOf(error);
  return code === SQLSTATE.deadlockDetected || code === SQLSTATE.serializationFailure;
}
