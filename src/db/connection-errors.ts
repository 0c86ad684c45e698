/*
 * Errors that mean "the database cannot be reached right now" (a restart, a failover, an outage,
 * a connection killed by an administrator), as opposed to a statement the database refused. A
 * request caught by one answers 503 (src/server/plugins/database-unavailable.ts); no connection
 * error ever ends the process (guarded-client.ts).
 */

/** Socket errors from Node, and the pool's own "gave up waiting for a connection". */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs: 57P01 admin_shutdown (pg_terminate_backend, fast shutdown), 57P02 crash_shutdown,
 * 57P03 cannot_connect_now (starting up, in recovery), 53300 too_many_connections; class 08 is
 * connection exceptions.
 */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

/** node-postgres and pg-pool report a dead connection in words, without a code. */
const MESSAGES = [
  'Connection terminated',
  'is not queryable',
  'timeout exceeded when trying to connect',
  'Connection ended unexpectedly',
];

/** Whether `error` (or one of its causes) says the database connection was lost or refused. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)))
      return true;
    if (typeof message === 'string' && MESSAGES.some((words) => message.includes(words))) return true;
    const nested = (current as { errors?: unknown }).errors; // AggregateError: every address refused
    if (Array.isArray(nested) && nested.some((inner) => isDatabaseUnavailable(inner))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
