import { and, asc, eq, gte } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { coachDateOverrides, coachTimeOff, coachWeeklyHours, users } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import type { Availability, TimeRange } from '../../domain/appointments/generate-slots';
import { DomainError } from '../../domain/shared/domain-error';
import { localDateOf, type LocalDate } from '../../domain/time/studio-week';
import { WEEKDAY_CODES, type WeekdayCode } from '../../domain/time/wall-clock';
import { recordAudit } from '../audit/record-audit';
import { loadSettings } from '../settings/settings-service';
import { servicesOfCoach } from './appointment-services';

/** A coach edits their own availability; an admin anyone's. Nobody else. */
export async function assertMayManageAvailability(db: Executor, actor: Actor, coachId: string) {
  const [coach] = await db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.id, coachId));
  if (!coach) throw new DomainError('USER_NOT_FOUND', 'That coach does not exist');
  if (actor.role !== 'ADMIN' && actor.id !== coachId)
    throw new DomainError('FORBIDDEN', 'You can only see and change your own availability');
  if (coach.role !== 'COACH' && coach.role !== 'ADMIN')
    throw new DomainError('INVALID_COACH', 'That person is not a coach');
  return { id: coach.id, name: coach.name };
}

/** A coach's availability from `fromDate` on (overrides and time off before it are history). */
export async function loadAvailability(db: Executor, coachId: string, fromDate: LocalDate): Promise<Availability> {
  const [weekly, overrides, timeOff] = await Promise.all([
    db
      .select({ weekday: coachWeeklyHours.weekday, start: coachWeeklyHours.startTime, end: coachWeeklyHours.endTime })
      .from(coachWeeklyHours)
      .where(eq(coachWeeklyHours.coachId, coachId))
      .orderBy(asc(coachWeeklyHours.startTime)),
    db
      .select({ date: coachDateOverrides.date, ranges: coachDateOverrides.ranges })
      .from(coachDateOverrides)
      .where(and(eq(coachDateOverrides.coachId, coachId), gte(coachDateOverrides.date, fromDate)))
      .orderBy(asc(coachDateOverrides.date)),
    db
      .select({
        id: coachTimeOff.id,
        fromDate: coachTimeOff.fromDate,
        toDate: coachTimeOff.toDate,
        note: coachTimeOff.note,
      })
      .from(coachTimeOff)
      .where(and(eq(coachTimeOff.coachId, coachId), gte(coachTimeOff.toDate, fromDate)))
      .orderBy(asc(coachTimeOff.fromDate)),
  ]);
  return { weekly: weekly.map((w) => ({ ...w, weekday: w.weekday as WeekdayCode })), overrides, timeOff };
}

export async function availabilityView(db: Executor, actor: Actor, coachId: string, now: Date) {
  const coach = await assertMayManageAvailability(db, actor, coachId);
  const timeZone = (await loadSettings(db))['studio.timezone'];
  const availability = await loadAvailability(db, coachId, localDateOf(now, timeZone));
  return {
    coach,
    timeZone,
    weekly: WEEKDAY_CODES.map((weekday) => ({
      weekday,
      ranges: availability.weekly.filter((w) => w.weekday === weekday).map(({ start, end }) => ({ start, end })),
    })).filter((d) => d.ranges.length > 0),
    overrides: availability.overrides.map((o) => ({ date: o.date, ranges: [...o.ranges] })),
    timeOff: availability.timeOff as Array<{ id: string; fromDate: string; toDate: string; note: string }>,
    services: await servicesOfCoach(db, coachId),
  };
}

type Change =
  | { kind: 'weekly'; days: Array<{ weekday: WeekdayCode; ranges: TimeRange[] }> }
  | { kind: 'override'; date: LocalDate; ranges: TimeRange[] | null }
  | { kind: 'timeOff'; fromDate: LocalDate; toDate: LocalDate; note?: string }
  | { kind: 'removeTimeOff'; timeOffId: string };

/**
 * Changes a coach's availability. Appointments already booked stay booked: availability says
 * what can be booked from now on, it does not cancel anything.
 */
export async function changeAvailability(db: Database, actor: Actor, coachId: string, change: Change, now: Date) {
  await inTransaction(db, async (tx) => {
    await assertMayManageAvailability(tx, actor, coachId);
    if (change.kind === 'weekly') {
      await tx.delete(coachWeeklyHours).where(eq(coachWeeklyHours.coachId, coachId));
      const rows = change.days.flatMap((d) =>
        d.ranges.map((r) => ({ coachId, weekday: d.weekday, startTime: r.start, endTime: r.end })),
      );
      if (rows.length > 0) await tx.insert(coachWeeklyHours).values(rows);
    } else if (change.kind === 'override') {
      await tx
        .delete(coachDateOverrides)
        .where(and(eq(coachDateOverrides.coachId, coachId), eq(coachDateOverrides.date, change.date)));
      if (change.ranges)
        await tx.insert(coachDateOverrides).values({ coachId, date: change.date, ranges: change.ranges });
    } else if (change.kind === 'timeOff') {
      await tx
        .insert(coachTimeOff)
        .values({ coachId, fromDate: change.fromDate, toDate: change.toDate, note: change.note ?? '' });
    } else {
      const removed = await tx
        .delete(coachTimeOff)
        .where(and(eq(coachTimeOff.id, change.timeOffId), eq(coachTimeOff.coachId, coachId)))
        .returning({ id: coachTimeOff.id });
      if (removed.length === 0) throw new DomainError('NOT_FOUND', 'That time off does not exist');
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: `availability.${change.kind}`,
      targetType: 'coach',
      targetId: coachId,
      after: change,
    });
  });
  return availabilityView(db, actor, coachId, now);
}
