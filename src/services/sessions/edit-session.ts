import { and, eq, gte, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, Tx } from '../../db/client';
import type { Actor } from '../../domain/access/roles';
import { decideCapacityChange } from '../../domain/sessions/decide-capacity-change';
import { planSeriesMove } from '../../domain/sessions/plan-series-move';
import { checkSessionTimes } from '../../domain/sessions/decide-session-draft';
import { DomainError } from '../../domain/shared/domain-error';
import { recordAudit } from '../audit/record-audit';
import { notifyUser } from '../notifications/notify-user';
import { lockSession, type LockedSession } from './lock-session';
import { resyncSession } from './resync-session';
import { promoteFromWaitlist } from './promote-waitlist';
import { describeSession } from './session-notifications';
import { getSessionView, type SessionView } from './session-views';
import { isUniqueViolation } from '../../db/errors';
import { assertCoach } from './staff-checks';
import { inTransaction } from '../../db/in-transaction';
import { classSessions, sessionRegistrations } from '../../db/schema';
import { appointmentsOfCoach, lockCoachTime } from '../appointments/coach-time';
import { loadSettings } from '../settings/settings-service';

export interface SessionPatch {
  title?: string;
  coachId?: string;
  startTime?: Date;
  endTime?: Date;
  capacity?: number;
  location?: string;
  notes?: string;
  registrationsOpenAt?: Date;
  registrationsCloseAt?: Date;
  lateCancelsAfter?: Date;
}

/** THIS: only this session. FOLLOWING: this one and every later scheduled one of its series. */
export type EditScope = 'THIS' | 'FOLLOWING';

/** Sessions of the series from this one on (or just this one), oldest first: the order they are locked in. */
export async function seriesTargets(tx: Tx, sessionId: string, scope: EditScope): Promise<string[]> {
  if (scope === 'THIS') return [sessionId];
  const later = alias(classSessions, 'later');
  const rows = await tx
    .select({ id: later.id })
    .from(classSessions)
    .innerJoin(
      later,
      and(
        eq(later.scheduleId, classSessions.scheduleId),
        gte(later.startTime, classSessions.startTime),
        eq(later.status, 'SCHEDULED'),
      ),
    )
    .where(eq(classSessions.id, sessionId))
    .orderBy(later.startTime, later.id);
  const ids = rows.map((r) => r.id);
  return ids.length ? ids : [sessionId];
}

/**
 * Edits a session (or the rest of its series). Raising capacity promotes from the waitlist;
 * lowering it below the places taken is refused. Moving a class moves its booking window with
 * it, and tells everyone booked. A new time given for the rest of a series is this class's new
 * time, applied to each later class on its own date in the studio time zone (planSeriesMove).
 */
export async function editSession(
  db: Database,
  actor: Actor,
  sessionId: string,
  patch: SessionPatch,
  scope: EditScope,
  now: Date,
): Promise<SessionView> {
  if (scope === 'FOLLOWING' && (patch.registrationsOpenAt || patch.registrationsCloseAt || patch.lateCancelsAfter)) {
    throw new DomainError('VALIDATION_ERROR', 'scope: booking windows can only be changed one session at a time');
  }
  if (patch.coachId) await assertCoach(db, patch.coachId);
  try {
    return await inTransaction(db, async (tx) => {
      // Locked in start order (as every path locks sessions), before any is changed.
      const sessions: LockedSession[] = [];
      for (const id of await seriesTargets(tx, sessionId, scope)) sessions.push(await lockSession(tx, id));
      const movesSeries = scope === 'FOLLOWING' && (patch.startTime || patch.endTime);
      if (!movesSeries) {
        for (const session of sessions) await editLocked(tx, actor, session, patch, now);
        return getSessionView(tx, actor, sessionId, now);
      }
      const anchor = sessions.find((s) => s.id === sessionId) ?? (await lockSession(tx, sessionId));
      const startTime = patch.startTime ?? anchor.startTime;
      const endTime =
        patch.endTime ?? new Date(startTime.getTime() + anchor.endTime.getTime() - anchor.startTime.getTime());
      const moveOf = planSeriesMove(
        { before: anchor, after: { startTime, endTime } },
        (await loadSettings(tx))['studio.timezone'],
      );
      // Classes moving later are moved last-first (and earlier first-first), so none lands for a
      // moment on a slot its neighbour still holds.
      const ordered = startTime > anchor.startTime ? [...sessions].reverse() : sessions;
      for (const session of ordered) await editLocked(tx, actor, session, { ...patch, ...moveOf(session) }, now);
      return getSessionView(tx, actor, sessionId, now);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError('SESSION_SLOT_TAKEN', 'This coach already has this class at that time');
    throw error;
  }
}

async function editLocked(tx: Tx, actor: Actor, session: LockedSession, patch: SessionPatch, now: Date) {
  if (session.status !== 'SCHEDULED') {
    throw new DomainError(
      session.status === 'CANCELLED' ? 'SESSION_CANCELLED' : 'SESSION_ENDED',
      'This class can no longer be changed',
    );
  }
  const shift = patch.startTime ? patch.startTime.getTime() - session.startTime.getTime() : 0;
  const moved = (d: Date) => new Date(d.getTime() + shift);
  const next = {
    startTime: patch.startTime ?? session.startTime,
    endTime: patch.endTime ?? moved(session.endTime),
    registrationsOpenAt: patch.registrationsOpenAt ?? moved(session.registrationsOpenAt),
    registrationsCloseAt: patch.registrationsCloseAt ?? moved(session.registrationsCloseAt),
    lateCancelsAfter: patch.lateCancelsAfter ?? moved(session.lateCancelsAfter),
  };
  const timesError = checkSessionTimes(next);
  if (timesError) throw timesError;
  if (patch.startTime || patch.endTime || patch.coachId) {
    // The coach-time lock that 1-on-1 booking takes (appointments/coach-time.ts): a class moved onto
    // a coach's booked appointment is refused, whichever transaction commits first.
    const coachId = patch.coachId ?? session.coachId;
    await lockCoachTime(tx, coachId);
    if ((await appointmentsOfCoach(tx, coachId, next.startTime, next.endTime)).length > 0)
      throw new DomainError('SLOT_TAKEN', 'The coach has a 1-on-1 appointment at that time', { field: 'startTime' });
  }
  let placesFreed = 0;
  if (patch.capacity !== undefined) {
    const change = decideCapacityChange(session, patch.capacity);
    if (change instanceof DomainError) throw change;
    placesFreed = change.placesFreed;
  }
  await tx
    .update(classSessions)
    .set({
      title: patch.title?.trim() || session.title,
      coachId: patch.coachId ?? session.coachId,
      location: patch.location?.trim() ?? session.location,
      ...(patch.notes === undefined ? {} : { notes: patch.notes.trim() }),
      capacity: patch.capacity ?? session.capacity,
      ...next,
      updatedAt: now,
    })
    .where(eq(classSessions.id, session.id));
  if (placesFreed > 0) {
    session.capacity = patch.capacity!;
    Object.assign(session, next);
    await promoteFromWaitlist(tx, session, actor.id, now);
    await resyncSession(tx, session.id, now);
  }
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'session.updated',
    targetType: 'session',
    targetId: session.id,
    before: {
      startTime: session.startTime,
      capacity: session.capacity,
      coachId: session.coachId,
      location: session.location,
    },
    after: { ...patch },
  });
  const timeChanged = shift !== 0 || (patch.endTime && patch.endTime.getTime() !== session.endTime.getTime());
  const placeChanged = patch.location !== undefined && patch.location.trim() !== session.location;
  if (timeChanged || placeChanged)
    await notifyChange(tx, { ...session, ...next, location: patch.location?.trim() ?? session.location }, now);
}

/** Everyone booked or waiting hears that their class moved (once per change). */
async function notifyChange(tx: Tx, session: LockedSession, now: Date) {
  const people = await tx
    .select({ id: sessionRegistrations.id, userId: sessionRegistrations.userId })
    .from(sessionRegistrations)
    .where(
      and(
        eq(sessionRegistrations.sessionId, session.id),
        inArray(sessionRegistrations.status, ['REGISTERED', 'WAITLISTED']),
      ),
    );
  if (people.length === 0) return;
  const what = describeSession(session, (await loadSettings(tx))['studio.timezone']);
  for (const p of people) {
    await notifyUser(tx, {
      userId: p.userId,
      feature: 'sessions',
      kind: 'session_changed',
      title: `Changed: ${what}`,
      body: `Your class has changed: it is now ${what}${session.location ? ` at ${session.location}` : ''}. If that no longer suits you, you can cancel in the app.`,
      link: `/classes/${session.id}`,
      email: true,
      dedupeKey: `session-changed:${p.id}:${now.getTime()}`,
      classStartsAt: session.startTime,
    });
  }
}
