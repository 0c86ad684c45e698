import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { and, eq, gt, lte, notExists, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { notifyUser } from '../notifications/notify-user';
import { loadSettings } from '../settings/settings-service';
import { classSessions, notifications, sessionNotificationPreferences, sessionRegistrations } from '../../db/schema';
import { DEFAULT_SESSION_PREFERENCES } from './preferences';

interface SessionLabel {
  id: string;
  title: string;
  startTime: Date;
}

/** "HIIT on Mon 23 Mar at 06:30", in the studio's time zone. */
export function describeSession(session: SessionLabel, timeZone: string): string {
  return `${session.title} on ${format(new TZDate(session.startTime.getTime(), timeZone), "EEE d MMM 'at' HH:mm")}`;
}

const linkTo = (sessionId: string) => `/classes/${sessionId}`;

async function studioTimeZone(tx: Executor): Promise<string> {
  return (await loadSettings(tx))['studio.timezone'];
}

/** A place came free and the client was moved from the waitlist into the class (always sent, with email). */
export async function notifyPromoted(
  tx: Executor,
  input: { userId: string; registrationId: string; session: SessionLabel; promotedAt: Date },
) {
  const what = describeSession(input.session, await studioTimeZone(tx));
  await notifyUser(tx, {
    userId: input.userId,
    feature: 'sessions',
    kind: 'waitlist_promoted',
    title: `You're in: ${what}`,
    body: `A place opened up and you have been moved from the waitlist into ${what}. Your credit has been used. If you can no longer come, cancel in the app; as you did not choose this late booking, cancelling gives your credit back.`,
    link: linkTo(input.session.id),
    email: true,
    dedupeKey: `session-promoted:${input.registrationId}`,
    classStartsAt: input.session.startTime,
  });
}

/** The studio cancelled a class: everyone booked or waiting hears about it (with email). */
export async function notifySessionCancelled(
  tx: Executor,
  input: {
    session: SessionLabel;
    people: Array<{ userId: string; registrationId: string; wasWaitlisted: boolean; refunded: number }>;
    reason: string | null;
  },
) {
  if (input.people.length === 0) return;
  const what = describeSession(input.session, await studioTimeZone(tx));
  for (const person of input.people) {
    const credit =
      person.refunded > 0
        ? ` Your ${person.refunded === 1 ? 'credit has' : `${person.refunded} credits have`} been returned.`
        : '';
    await notifyUser(tx, {
      userId: person.userId,
      feature: 'sessions',
      kind: 'session_cancelled',
      title: `Cancelled: ${what}`,
      body: `The studio has cancelled ${what}.${input.reason ? ` Reason: ${input.reason}.` : ''}${person.wasWaitlisted ? ' You have been taken off its waitlist.' : credit}`,
      link: linkTo(input.session.id),
      email: true,
      dedupeKey: `session-cancelled:${person.registrationId}`,
      classStartsAt: input.session.startTime,
    });
  }
}

/** Booking confirmation, only for clients who asked for it. */
export async function notifyBookingConfirmed(
  tx: Executor,
  input: {
    userId: string;
    registrationId: string;
    session: SessionLabel;
    status: 'REGISTERED' | 'WAITLISTED';
    waitlistPosition: number | null;
  },
) {
  const what = describeSession(input.session, await studioTimeZone(tx));
  const registered = input.status === 'REGISTERED';
  await notifyUser(tx, {
    userId: input.userId,
    feature: 'sessions',
    kind: registered ? 'booking_confirmed' : 'waitlist_joined',
    title: registered ? `Booked: ${what}` : `On the waitlist: ${what}`,
    body: registered
      ? `You are booked into ${what}. See you there!`
      : `The class is full; you are number ${input.waitlistPosition} on the waitlist for ${what}. We will tell you if a place opens up.`,
    link: linkTo(input.session.id),
    email: true,
    dedupeKey: `session-booked:${input.registrationId}`,
  });
}

/**
 * Sends the "class soon" reminder to clients who did not turn it off (on by default, ADR 0022), once per registration: the
 * notification's dedupe key makes a repeated run (or every instance running the job at the same
 * time) send nothing twice. Only still-booked clients of scheduled classes are reminded.
 */
export async function sendClassReminders(db: Database, now: Date): Promise<{ sent: number }> {
  const prefs = sessionNotificationPreferences;
  const due = await db
    .select({
      id: sessionRegistrations.id,
      userId: sessionRegistrations.userId,
      sessionId: classSessions.id,
      title: classSessions.title,
      startTime: classSessions.startTime,
    })
    .from(sessionRegistrations)
    .innerJoin(classSessions, eq(classSessions.id, sessionRegistrations.sessionId))
    // No preferences row = the defaults (reminders on, ADR 0022).
    .leftJoin(prefs, eq(prefs.userId, sessionRegistrations.userId))
    .where(
      and(
        eq(sessionRegistrations.status, 'REGISTERED'),
        eq(classSessions.status, 'SCHEDULED'),
        sql`COALESCE(${prefs.reminders}, ${DEFAULT_SESSION_PREFERENCES.reminders})`,
        gt(classSessions.startTime, now),
        lte(
          classSessions.startTime,
          sql`${now.toISOString()}::timestamptz + make_interval(hours => COALESCE(${prefs.reminderHoursBefore}, ${DEFAULT_SESSION_PREFERENCES.reminderHoursBefore}::int))`,
        ),
        notExists(
          db
            .select({ one: sql`1` })
            .from(notifications)
            .where(eq(notifications.dedupeKey, sql`'session-reminder:' || ${sessionRegistrations.id}::text`)),
        ),
      ),
    )
    .orderBy(classSessions.startTime)
    .limit(500);
  if (due.length === 0) return { sent: 0 };
  const timeZone = await studioTimeZone(db);
  let sent = 0;
  for (const r of due) {
    const what = describeSession({ id: r.sessionId, title: r.title, startTime: r.startTime }, timeZone);
    const created = await db.transaction((tx) =>
      notifyUser(tx, {
        userId: r.userId,
        feature: 'sessions',
        kind: 'class_reminder',
        title: `Reminder: ${what}`,
        body: `You are booked into ${what}. If you cannot make it, cancel in the app so someone on the waitlist can have your place.`,
        link: linkTo(r.sessionId),
        email: true,
        dedupeKey: `session-reminder:${r.id}`,
        classStartsAt: r.startTime,
      }),
    );
    if (created) sent++;
  }
  return { sent };
}
