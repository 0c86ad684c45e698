import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client';
import { classSessions, classTypes, sessionRegistrations, users } from '../../db/schema';
import { decideCancellation } from '../../domain/sessions/decide-cancellation';
import type { RegistrationStatus, SessionStatus } from '../../domain/sessions/types';
import { DomainError, isDomainError } from '../../domain/shared/domain-error';

const coach = alias(users, 'coach');

/** The client's registrations (every state, history included) for sessions starting in [from, to). */
export async function listMyRegistrations(db: Database, userId: string, range: { from: Date; to: Date }, now: Date) {
  const rows = await db
    .select({
      r: sessionRegistrations,
      s: classSessions,
      classType: { id: classTypes.id, name: classTypes.name, color: classTypes.color },
      coach: { id: coach.id, name: coach.name },
    })
    .from(sessionRegistrations)
    .innerJoin(classSessions, eq(classSessions.id, sessionRegistrations.sessionId))
    .innerJoin(classTypes, eq(classTypes.id, classSessions.classTypeId))
    .innerJoin(coach, eq(coach.id, classSessions.coachId))
    .where(
      and(
        eq(sessionRegistrations.userId, userId),
        gte(classSessions.startTime, range.from),
        lt(classSessions.startTime, range.to),
      ),
    )
    .orderBy(asc(classSessions.startTime), asc(sessionRegistrations.registeredAt));
  return rows.map(({ r, s, classType, coach }) => ({
    id: r.id,
    cancelWouldBeLate: cancelWouldBeLate(r, s, now),
    status: r.status,
    waitlistPosition: r.waitlistPosition,
    creditsConsumed: r.creditsConsumed,
    registeredAt: r.registeredAt,
    promotedAt: r.promotedAt,
    cancelledAt: r.cancelledAt,
    session: {
      id: s.id,
      title: s.title,
      classType,
      coach,
      startTime: s.startTime,
      endTime: s.endTime,
      location: s.location,
      status: s.status,
      lateCancelsAfter: s.lateCancelsAfter,
      creditCost: s.creditCost,
    },
  }));
}

/** Whether the client cancelling this registration now would be a late cancellation (the domain rule). */
function cancelWouldBeLate(
  r: { status: RegistrationStatus; promotedAt: Date | null },
  s: { status: SessionStatus; startTime: Date; lateCancelsAfter: Date },
  now: Date,
): boolean {
  if (r.status !== 'REGISTERED') return false;
  const decision = decideCancellation(
    {
      session: { status: s.status, startTime: s.startTime, lateCancelsAfter: s.lateCancelsAfter },
      registration: { status: 'REGISTERED', promotedAt: r.promotedAt },
    },
    { by: 'CLIENT' },
    now,
  );
  return !isDomainError(decision) && decision.status === 'LATE_CANCELLED';
}

/** One client's registrations, for the studio's page about that person (404 for an unknown user). */
export async function listRegistrationsOfUser(
  db: Database,
  userId: string,
  range: { from: Date; to: Date },
  now: Date,
) {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) throw new DomainError('USER_NOT_FOUND', 'No such person');
  return listMyRegistrations(db, userId, range, now);
}
