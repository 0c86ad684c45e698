import { and, asc, eq, gte, inArray, lt, notInArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, Executor } from '../../db/client';
import { classSessions, classTypes, sessionRegistrations, users } from '../../db/schema';
import { isStaff, type Actor } from '../../domain/access/roles';
import { decideCancellation } from '../../domain/sessions/decide-cancellation';
import {
  ENDED_REGISTRATION_STATUSES,
  type RegistrationPayment,
  type RegistrationStatus,
  type SessionStatus,
} from '../../domain/sessions/types';
import { isDomainError } from '../../domain/shared/domain-error';
import { DomainError } from '../../domain/shared/domain-error';

const coach = alias(users, 'coach');
const mine = alias(sessionRegistrations, 'mine');
const NOT_LIVE = [...ENDED_REGISTRATION_STATUSES];

export interface SessionView {
  id: string;
  title: string;
  classType: { id: string; name: string; color: string };
  coach: { id: string; name: string };
  startTime: Date;
  endTime: Date;
  location: string;
  notes: string;
  capacity: number;
  attendingCount: number;
  waitingCount: number;
  isFull: boolean;
  registrationsOpenAt: Date;
  registrationsCloseAt: Date;
  lateCancelsAfter: Date;
  creditCost: number;
  status: SessionStatus;
  scheduleId: string | null;
  myRegistration: MyLiveRegistration | null;
}

export interface MyLiveRegistration {
  id: string;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  promotedAt: Date | null;
  /** Whether cancelling it now would be a late cancellation (credit kept), by the domain rule. */
  cancelWouldBeLate: boolean;
}

/** One query for sessions with their class type, coach and the viewer's own live registration. */
function sessionQuery(db: Executor, viewerId: string) {
  return db
    .select({
      s: classSessions,
      classType: { id: classTypes.id, name: classTypes.name, color: classTypes.color },
      coach: { id: coach.id, name: coach.name },
      mine: { id: mine.id, status: mine.status, waitlistPosition: mine.waitlistPosition, promotedAt: mine.promotedAt },
    })
    .from(classSessions)
    .innerJoin(classTypes, eq(classTypes.id, classSessions.classTypeId))
    .innerJoin(coach, eq(coach.id, classSessions.coachId))
    .leftJoin(
      mine,
      and(eq(mine.sessionId, classSessions.id), eq(mine.userId, viewerId), notInArray(mine.status, NOT_LIVE)),
    );
}

type Row = Awaited<ReturnType<ReturnType<typeof sessionQuery>['execute']>>[number];

function toView(r: Row, now: Date): SessionView {
  const s = r.s;
  return {
    id: s.id,
    title: s.title,
    classType: r.classType,
    coach: r.coach,
    startTime: s.startTime,
    endTime: s.endTime,
    location: s.location,
    notes: s.notes,
    capacity: s.capacity,
    attendingCount: s.registeredCount,
    waitingCount: s.waitlistCount,
    isFull: s.registeredCount >= s.capacity,
    registrationsOpenAt: s.registrationsOpenAt,
    registrationsCloseAt: s.registrationsCloseAt,
    lateCancelsAfter: s.lateCancelsAfter,
    creditCost: s.creditCost,
    status: s.status,
    scheduleId: s.scheduleId,
    myRegistration: r.mine ? liveRegistrationView(r.mine, s, now) : null,
  };
}

/**
 * The viewer's own booking, with the answer to "would cancelling now be late?" from the same
 * rule the cancellation applies — so a client promoted after the cutoff is not warned wrongly.
 */
export function liveRegistrationView(
  mine: Pick<MyLiveRegistration, 'id' | 'status' | 'waitlistPosition' | 'promotedAt'>,
  s: { status: SessionStatus; startTime: Date; lateCancelsAfter: Date },
  now: Date,
): MyLiveRegistration {
  const status = mine.status;
  const decision = decideCancellation(
    {
      session: { status: s.status, startTime: s.startTime, lateCancelsAfter: s.lateCancelsAfter },
      registration: { status, promotedAt: mine.promotedAt },
    },
    { by: 'CLIENT' },
    now,
  );
  return {
    id: mine.id,
    status,
    waitlistPosition: mine.waitlistPosition,
    promotedAt: mine.promotedAt,
    cancelWouldBeLate: !isDomainError(decision) && decision.status === 'LATE_CANCELLED',
  };
}

export interface SessionFilters {
  from: Date;
  to: Date;
  classTypeId?: string;
  coachId?: string;
}

/** Sessions starting in [from, to), in start order. */
export async function listSessions(
  db: Database,
  viewer: Actor,
  filters: SessionFilters,
  now: Date,
): Promise<SessionView[]> {
  const where: SQL[] = [gte(classSessions.startTime, filters.from), lt(classSessions.startTime, filters.to)];
  if (filters.classTypeId) where.push(eq(classSessions.classTypeId, filters.classTypeId));
  if (filters.coachId) where.push(eq(classSessions.coachId, filters.coachId));
  const rows = await sessionQuery(db, viewer.id)
    .where(and(...where))
    .orderBy(asc(classSessions.startTime), asc(classSessions.id));
  return rows.map((r) => toView(r, now));
}

/** The given sessions, in start order. */
export async function listSessionsByIds(db: Executor, viewer: Actor, ids: string[], now: Date): Promise<SessionView[]> {
  if (ids.length === 0) return [];
  const rows = await sessionQuery(db, viewer.id)
    .where(inArray(classSessions.id, ids))
    .orderBy(asc(classSessions.startTime), asc(classSessions.id));
  return rows.map((r) => toView(r, now));
}

export async function getSessionView(db: Executor, viewer: Actor, sessionId: string, now: Date): Promise<SessionView> {
  const [row] = await sessionQuery(db, viewer.id).where(eq(classSessions.id, sessionId));
  if (!row) throw new DomainError('SESSION_NOT_FOUND', 'No such class');
  return toView(row, now);
}

export interface RosterEntry {
  id: string;
  user: { id: string; name: string; email: string };
  status: RegistrationStatus;
  waitlistPosition: number | null;
  registeredAt: Date;
  promotedAt: Date | null;
  attendanceMarkedAt: Date | null;
  payment: RegistrationPayment;
  paidAt: Date | null;
}

/** The roster (places taken, in booking order) and the waitlist (in queue order). */
export async function loadRoster(
  db: Executor,
  sessionId: string,
): Promise<{ registrations: RosterEntry[]; waitlist: RosterEntry[] }> {
  const rows = await db
    .select({ r: sessionRegistrations, user: { id: users.id, name: users.name, email: users.email } })
    .from(sessionRegistrations)
    .innerJoin(users, eq(users.id, sessionRegistrations.userId))
    .where(
      and(
        eq(sessionRegistrations.sessionId, sessionId),
        inArray(sessionRegistrations.status, ['REGISTERED', 'ATTENDED', 'NO_SHOW', 'WAITLISTED']),
      ),
    )
    .orderBy(
      asc(sessionRegistrations.waitlistPosition),
      asc(sessionRegistrations.registeredAt),
      asc(sessionRegistrations.id),
    );
  const entries = rows.map(({ r, user }) => ({
    id: r.id,
    user,
    status: r.status,
    waitlistPosition: r.waitlistPosition,
    registeredAt: r.registeredAt,
    promotedAt: r.promotedAt,
    attendanceMarkedAt: r.attendanceMarkedAt,
    payment: r.payment,
    paidAt: r.paidAt,
  }));
  return {
    registrations: entries.filter((e) => e.status !== 'WAITLISTED'),
    waitlist: entries.filter((e) => e.status === 'WAITLISTED'),
  };
}

/** A session as its viewer may see it: coaches and admins also get the roster and waitlist. */
export async function getSessionDetail(db: Database, viewer: Actor, sessionId: string, now: Date) {
  const view = await getSessionView(db, viewer, sessionId, now);
  if (!isStaff(viewer)) return view;
  return { ...view, ...(await loadRoster(db, sessionId)) };
}
