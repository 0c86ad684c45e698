import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

const FORMATS_KEPT = 5_000;
const formatted = new Map<string, string>();

/**
 * Formats an instant as the studio's wall clock reads it (`timeZone`), with a date-fns pattern,
 * e.g. `formatLocal(start, 'Europe/London', 'EEE d MMM HH:mm')` → "Mon 26 Nov 06:30".
 * Server-side words (ledger lines, emails) use this so they never depend on the host's zone.
 * Results are remembered: every booking's ledger line formats its class's start, and a zoned
 * format cost ~5% of the server's CPU under load; the same inputs always give the same words.
 */
export function formatLocal(instant: Date, timeZone: string, pattern: string): string {
  const key = `${instant.getTime()}|${timeZone}|${pattern}`;
  let words = formatted.get(key);
  if (words === undefined) {
    words = format(new TZDate(instant.getTime(), timeZone), pattern);
    if (formatted.size >= FORMATS_KEPT) formatted.clear();
    formatted.set(key, words);
  }
  return words;
}
