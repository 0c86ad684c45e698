import { formatLocal } from '../time/format-local';

/**
 * The words a client reads in their credit ledger for a booking: the class and when it runs, in
 * studio time ("HIIT Mon 26 Nov 06:30"); the ledger view appends "booked" / "(credit returned)".
 */
export function ledgerDescriptionForSession(
  session: { title: string; startTime: Date },
  timeZone: string,
  via?: 'waitlist',
): string {
  const words = `${session.title} ${formatLocal(session.startTime, timeZone, 'EEE d MMM HH:mm')}`;
  return via === 'waitlist' ? `${words} (from waitlist)` : words;
}
