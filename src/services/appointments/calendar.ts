import { and, asc, eq, gte, inArray, lt, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { classSessions, classTypes, users } from '../../db/schema';
import { DomainError } from '../../domain/shared/domain-error';
import { addLocalDays, localDaysBetween, startOfLocalDate } from '../../domain/time/studio-week';
import { loadSettings } from '../settings/settings-service';
import { listCoachAppointments } from './appointment-views';

const MAX_DAYS = 31;

/**
 * Classes and appointments together, by start time, for one coach or the whole studio, between
 * two studio-local dates. Coaches and admins read any coach's and the studio's: they share the
 * rooms and cover for each other.
 */
export async function calendarOf(db: Executor, query: { from: string; to: string; coachId?: string }) {
  if (localDaysBetween(query.from, query.to) > MAX_DAYS)
    throw new DomainError('VALIDATION_ERROR', `to: at most ${MAX_DAYS} days after from`, { field: 'to' });
  const timeZone = (await loadSettings(db))['studio.timezone'];
  const range = {
    from: startOfLocalDate(query.from, timeZone),
    until: startOfLocalDate(addLocalDays(query.to, 1), timeZone),
  };
  const coachIds = query.coachId ? [query.coachId] : undefined;
  const [classes, appointments] = await Promise.all([
    db
      .select({
        id: classSessions.id,
        title: classSessions.title,
        classType: { id: classTypes.id, name: classTypes.name, color: classTypes.color },
        coach: { id: users.id, name: users.name },
        startTime: classSessions.startTime,
        endTime: classSessions.endTime,
        location: classSessions.location,
        capacity: classSessions.capacity,
        attendingCount: classSessions.registeredCount,
        status: classSessions.status,
      })
      .from(classSessions)
      .innerJoin(classTypes, eq(classTypes.id, classSessions.classTypeId))
      .innerJoin(users, eq(users.id, classSessions.coachId))
      .where(
        and(
          gte(classSessions.startTime, range.from),
          lt(classSessions.startTime, range.until),
          ne(classSessions.status, 'CANCELLED'),
          coachIds ? inArray(classSessions.coachId, coachIds) : undefined,
        ),
      )
      .orderBy(asc(classSessions.startTime)),
    listCoachAppointments(db, range, coachIds),
  ]);
  const items = [
    ...classes.map((c) => ({ kind: 'CLASS' as const, ...c })),
    ...appointments
      .filter((a) => a.status !== 'CANCELLED' && a.status !== 'LATE_CANCELLED')
      .map((a) => ({
        kind: 'APPOINTMENT' as const,
        id: a.id,
        service: { id: a.service.id, name: a.service.name, color: a.service.color },
        coach: a.coach,
        client: { id: a.client.id, name: a.client.name },
        startTime: a.startTime,
        endTime: a.endTime,
        busyFrom: a.busyFrom,
        busyUntil: a.busyUntil,
        status: a.status,
      })),
  ].sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
  return { timeZone, items };
}
