import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { sessionNotificationPreferences } from '../../db/schema';

export interface SessionPreferences {
  bookingConfirmations: boolean;
  reminders: boolean;
  reminderHoursBefore: number;
}

/** Until a client changes them: reminders on, 2 hours before (what peers do; ADR 0022). */
export const DEFAULT_SESSION_PREFERENCES: SessionPreferences = {
  bookingConfirmations: false,
  reminders: true,
  reminderHoursBefore: 2,
};

export async function getSessionPreferences(db: Database, userId: string): Promise<SessionPreferences> {
  const [row] = await db
    .select()
    .from(sessionNotificationPreferences)
    .where(eq(sessionNotificationPreferences.userId, userId));
  return row
    ? {
        bookingConfirmations: row.bookingConfirmations,
        reminders: row.reminders,
        reminderHoursBefore: row.reminderHoursBefore,
      }
    : DEFAULT_SESSION_PREFERENCES;
}

export async function updateSessionPreferences(
  db: Database,
  userId: string,
  patch: Partial<SessionPreferences>,
  now: Date,
): Promise<SessionPreferences> {
  const next = { ...(await getSessionPreferences(db, userId)), ...patch };
  await db
    .insert(sessionNotificationPreferences)
    .values({ userId, ...next, updatedAt: now })
    .onConflictDoUpdate({ target: sessionNotificationPreferences.userId, set: { ...next, updatedAt: now } });
  return next;
}
