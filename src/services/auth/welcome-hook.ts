import type { Database } from '../../db/client';
import { enqueueEmail } from '../email/enqueue-email';
import { loadSettings } from '../settings/settings-service';

/**
 * A person who signs up themself (email or Google) gets a welcome email. People an admin adds
 * get the invite instead (they are written by Roster, not better-auth, so this never runs for
 * them). The dedupe key makes it once per account, whatever better-auth retries.
 */
export function welcomeNewAccount(db: Database) {
  return async (user: { id: string; name: string; email: string }) => {
    const studio = (await loadSettings(db))['studio.name'];
    await enqueueEmail(db, {
      to: user.email,
      subject: `Welcome to ${studio}`,
      text: `Hello ${user.name},\n\nWelcome to ${studio}! Your account is ready. Look at the class timetable and book your first class here:`,
      link: '/classes',
      kind: 'welcome',
      dedupeKey: `welcome:${user.id}`,
    });
  };
}
