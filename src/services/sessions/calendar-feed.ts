import { randomBytes } from 'node:crypto';
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, Tx } from '../../db/client';
import { calendarFeedTokens, classSessions, sessionRegistrations, users } from '../../db/schema';
import { buildCalendarFeed } from '../../domain/sessions/calendar-feed';
import { DomainError } from '../../domain/shared/domain-error';
import { isFeatureEnabled } from '../../domain/settings/setting-definitions';
import { appointmentFeedEvents } from '../appointments/feed-events';
import { loadSettings } from '../settings/settings-service';

const coach = alias(users, 'coach');
const DAY = 86_400_000;

/** 256 random bits, URL-safe: the feed's only protection, so it is long and never guessable. */
const newToken = () => randomBytes(32).toString('base64url');

export const feedUrl = (baseUrl: string, token: string) =>
  `${baseUrl.replace(/\/$/, '')}/api/me/calendar.ics?token=${token}`;

/** The client's feed token, created on first ask. */
export async function getOrCreateFeedToken(db: Database, userId: string, now: Date): Promise<string> {
  await db.insert(calendarFeedTokens).values({ userId, token: newToken(), createdAt: now }).onConflictDoNothing();
  const [row] = await db
    .select({ token: calendarFeedTokens.token })
    .from(calendarFeedTokens)
    .where(eq(calendarFeedTokens.userId, userId));
  return row!.token;
}

/** A new token; the old feed URL stops working at once. */
export async function resetFeedToken(db: Database, userId: string, now: Date): Promise<string> {
  const token = newToken();
  await db
    .insert(calendarFeedTokens)
    .values({ userId, token, createdAt: now })
    .onConflictDoUpdate({ target: calendarFeedTokens.userId, set: { token, createdAt: now } });
  return token;
}

/**
 * Ends the client's feed URL (it answers 404 from now on); a new one is made the next time they
 * ask. Called when the password is reset or changed and on deactivation: whoever could read the
 * account's secrets before must not keep reading its calendar.
 */
export async function revokeFeedToken(executor: Database | Tx, userId: string): Promise<void> {
  await executor.delete(calendarFeedTokens).where(eq(calendarFeedTokens.userId, userId));
}

/** The ICS text for a token: booked classes (and waitlist places, as tentative) from 60 days back to 180 ahead. */
export async function renderCalendarFeed(db: Database, token: string, now: Date): Promise<string> {
  const [owner] = await db
    .select({ userId: calendarFeedTokens.userId, banned: users.banned })
    .from(calendarFeedTokens)
    .innerJoin(users, eq(users.id, calendarFeedTokens.userId))
    .where(eq(calendarFeedTokens.token, token));
  if (!owner || owner.banned)
    throw new DomainError('CALENDAR_FEED_NOT_FOUND', 'This calendar link is not valid any more');
  const rows = await db
    .select({ r: sessionRegistrations, s: classSessions, coachName: coach.name })
    .from(sessionRegistrations)
    .innerJoin(classSessions, eq(classSessions.id, sessionRegistrations.sessionId))
    .innerJoin(coach, eq(coach.id, classSessions.coachId))
    .where(
      and(
        eq(sessionRegistrations.userId, owner.userId),
        inArray(sessionRegistrations.status, ['REGISTERED', 'WAITLISTED', 'ATTENDED', 'NO_SHOW']),
        // Past classes stay in the calendar; a cancelled one disappears from it.
        inArray(classSessions.status, ['SCHEDULED', 'COMPLETED']),
        gte(classSessions.startTime, new Date(now.getTime() - 60 * DAY)),
        lt(classSessions.startTime, new Date(now.getTime() + 180 * DAY)),
      ),
    )
    .orderBy(asc(classSessions.startTime));
  const settings = await loadSettings(db);
  const studio = settings['studio.name'];
  // 1-on-1 appointments sit beside the classes while that feature is on (and vanish when it is off).
  const appointmentEvents = isFeatureEnabled(settings, 'appointments')
    ? await appointmentFeedEvents(db, owner.userId, now, studio)
    : [];
  return buildCalendarFeed({
    calendarName: `${studio} classes`,
    now,
    events: [
      ...appointmentEvents,
      ...rows.map(({ r, s, coachName }) => {
        const waiting = r.status === 'WAITLISTED';
        return {
          uid: `${s.id}@roster`,
          start: s.startTime,
          end: s.endTime,
          summary: waiting ? `Waitlist #${r.waitlistPosition}: ${s.title}` : `${s.title} with ${coachName}`,
          location: s.location,
          description: waiting
            ? `You are number ${r.waitlistPosition} on the waitlist. You will be told if a place opens up.`
            : `Booked at ${studio}. Cancel in the app if you cannot make it.`,
          status: waiting ? ('TENTATIVE' as const) : ('CONFIRMED' as const),
          lastModified: r.updatedAt > s.updatedAt ? r.updatedAt : s.updatedAt,
        };
      }),
    ].sort((a, b) => a.start.getTime() - b.start.getTime()),
  });
}
