import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/**
 * Formats an instant as the studio's wall clock reads it (`timeZone`), with a date-fns pattern,
 * e.g. `formatLocal(start, 'Europe/London', 'EEE d MMM HH:mm')` → "Mon 26 Nov 06:30".
 * Server-side words (ledger lines, emails) use this so they never depend on the host's zone.
 */
export function formatLocal(instant: Date, timeZone: string, pattern: string): string {
  return format(new TZDate(instant.getTime(), timeZone), pattern);
}
