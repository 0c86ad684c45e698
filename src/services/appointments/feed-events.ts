import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { appointmentServices, appointments, users } from '../../db/schema';
import type { FeedEvent } from '../../domain/sessions/calendar-feed';

const coach = alias(users, 'coach');
const DAY = 86_400_000;

/** A client's 1-on-1s for their calendar feed (same window as classes; cancelled ones leave it). */
export async function appointmentFeedEvents(
  db: Executor,
  userId: string,
  now: Date,
  studio: string,
): Promise<FeedEvent[]> {
  const rows = await db
    .select({ a: appointments, serviceName: appointmentServices.name, coachName: coach.name })
    .from(appointments)
    .innerJoin(appointmentServices, eq(appointmentServices.id, appointments.serviceId))
    .innerJoin(coach, eq(coach.id, appointments.coachId))
    .where(
      and(
        eq(appointments.clientId, userId),
        inArray(appointments.status, ['BOOKED', 'ATTENDED', 'NO_SHOW']),
        gte(appointments.startTime, new Date(now.getTime() - 60 * DAY)),
        lt(appointments.startTime, new Date(now.getTime() + 180 * DAY)),
      ),
    )
    .orderBy(asc(appointments.startTime));
  return rows.map(({ a, serviceName, coachName }) => ({
    uid: `appointment-${a.id}@roster`,
    start: a.startTime,
    end: a.endTime,
    summary: `${serviceName} with ${coachName}`,
    location: studio,
    description: `1-on-1 booked at ${studio}. Cancel in the app if you cannot make it.`,
    status: 'CONFIRMED' as const,
    lastModified: a.updatedAt,
  }));
}
