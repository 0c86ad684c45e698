import { isDatabaseUnavailable } from '../../db/connection-errors';
import { reportDatabaseUnavailable } from '../../db/database-availability';

const DATABASE_UNAVAILABLE = {
  status: 503,
  code: 'DATABASE_UNAVAILABLE',
  message: 'The studio’s database cannot be reached right now. Please try again in a moment.',
} as const;

/**
 * When `error` says the database could not be reached (connection lost, refused, restarting),
 * the 503 to answer with — logged once per outage (database-availability.ts), not as a stack
 * trace per request. Undefined for any other error.
 */
export function databaseUnavailableReply(error: unknown) {
  if (!isDatabaseUnavailable(error)) return undefined;
  reportDatabaseUnavailable(error);
  return DATABASE_UNAVAILABLE;
}
