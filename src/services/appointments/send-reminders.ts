import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { appointmentServices, appointments, sessionNotificationPreferences } from '../../db/schema';
import { loadSettings } from '../settings/settings-service';
import { notifyUser } from '../notifications/notify-user';
import { DEFAULT_SESSION_PREFERENCES } from '../sessions/preferences';
import { describeAppointment } from './appointment-notifications';

/**
 * Reminds clients of a booked 1-on-1 as they asked to be reminded of classes (the same
 * preference: on or off, hours before). Once per appointment and start: the dedupe key holds the
 * start, so every instance running this job sends it once, and a moved appointment is reminded
 * again for its new time. The caller runs it only while appointments are switched on.
 */
export async function sendAppointmentReminders(db: Database, now: Date): Promise<{ sent: number }> {
  const due = await db
    .select({
      id: appointments.id,
      clientId: appointments.clientId,
      startTime: appointments.startTime,
      serviceName: appointmentServices.name,
    })
    .from(appointments)
    .innerJoin(appointmentServices, eq(appointmentServices.id, appointments.serviceId))
    // No preferences row = the defaults (reminders on, ADR 0022), as for classes.
    .leftJoin(sessionNotificationPreferences, eq(sessionNotificationPreferences.userId, appointments.clientId))
    .where(
      and(
        eq(appointments.status, 'BOOKED'),
        sql`COALESCE(${sessionNotificationPreferences.reminders}, ${DEFAULT_SESSION_PREFERENCES.reminders})`,
        gt(appointments.startTime, now),
        lte(
          appointments.startTime,
          sql`${now.toISOString()}::timestamptz + make_interval(hours => COALESCE(${sessionNotificationPreferences.reminderHoursBefore}, ${DEFAULT_SESSION_PREFERENCES.reminderHoursBefore}::int))`,
        ),
      ),
    )
    .orderBy(asc(appointments.startTime))
    .limit(500);
  if (due.length === 0) return { sent: 0 };
  const timeZone = (await loadSettings(db))['studio.timezone'];
  let sent = 0;
  for (const a of due) {
    const what = describeAppointment(a, timeZone);
    const created = await db.transaction((tx) =>
      notifyUser(tx, {
        userId: a.clientId,
        feature: 'appointments',
        kind: 'appointment_reminder',
        title: `Reminder: ${what}`,
        body: `You are booked for ${what}. If you cannot make it, cancel in the app.`,
        link: '/appointments',
        email: true,
        dedupeKey: `appointment-reminder:${a.id}:${a.startTime.getTime()}`,
      }),
    );
    if (created) sent++;
  }
  return { sent };
}
