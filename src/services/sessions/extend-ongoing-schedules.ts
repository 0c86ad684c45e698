import { and, eq, lt } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client';
import { classSessions, sessionSchedules, users } from '../../db/schema';
import { draftSession } from '../../domain/sessions/decide-session-draft';
import { generateScheduleSlots } from '../../domain/sessions/generate-schedule';
import { ongoingHorizon } from '../../domain/sessions/ongoing-schedule';
import { scheduleClashNotice } from '../../domain/sessions/schedule-clash-notice';
import { isFeatureEnabled } from '../../domain/settings/setting-definitions';
import { DomainError } from '../../domain/shared/domain-error';
import { addLocalDays, localDateOf } from '../../domain/time/studio-week';
import type { WeekdayCode } from '../../domain/time/wall-clock';
import { notifyEveryAdmin } from '../notifications/notify-admins';
import { loadSettings } from '../settings/settings-service';
import { lockCoachTime, timesOverlappingAppointments } from '../appointments/coach-time';
import { getClassType } from './class-types';

/**
 * The job that keeps ongoing weekly schedules generated four weeks ahead. Idempotent with every
 * instance running it: each schedule row is locked and its horizon checked again under the lock
 * (a second instance finds `toDate` already moved on), and the slot index (class type, coach,
 * start) makes a session that exists already a no-op (ON CONFLICT DO NOTHING).
 */
export async function extendOngoingSchedules(db: Database, now: Date): Promise<{ created: number }> {
  const settings = await loadSettings(db);
  const today = localDateOf(now, settings['studio.timezone']);
  const appointmentsOn = isFeatureEnabled(settings, 'appointments');
  const due = await db
    .select({ id: sessionSchedules.id })
    .from(sessionSchedules)
    .where(and(eq(sessionSchedules.ongoing, true), lt(sessionSchedules.toDate, ongoingHorizon(today, today))))
    .limit(200);
  let created = 0;
  for (const { id } of due) {
    created += await db.transaction(async (tx) => {
      const [row] = await tx.select().from(sessionSchedules).where(eq(sessionSchedules.id, id)).for('update');
      if (!row?.ongoing) return 0;
      const horizon = ongoingHorizon(row.fromDate, today);
      if (row.toDate >= horizon) return 0;
      const classType = await getClassType(tx, row.classTypeId);
      const slots = generateScheduleSlots({
        daysOfWeek: row.daysOfWeek as WeekdayCode[],
        localTime: row.localTime,
        fromDate: addLocalDays(row.toDate, 1),
        toDate: horizon,
        durationMins: row.durationMins ?? classType.defaultDurationMins,
        timeZone: row.timezone,
      });
      if (slots instanceof DomainError) return 0;
      const drafts = slots.map((slot) =>
        draftSession(classType, {
          startTime: slot.startTime,
          endTime: slot.endTime,
          capacity: row.capacity,
          location: row.location,
          title: row.title ?? undefined,
          notes: row.notes ?? undefined,
        }),
      );
      // An archived class type stops the series growing; what exists stays.
      if (drafts.some((d) => d instanceof DomainError)) return 0;
      const classes = drafts as Exclude<(typeof drafts)[number], DomainError>[];
      // Under the coach-time lock (as 1-on-1 booking takes it), a week whose class would fall on one
      // of the coach's booked appointments is left out rather than double-booking the coach, and
      // the admins are told (once per class: see tellAdminsOfClashes).
      await lockCoachTime(tx, row.coachId);
      const clashing = new Set(await timesOverlappingAppointments(tx, row.coachId, classes));
      if (clashing.size > 0)
        await tellAdminsOfClashes(tx, row, row.title ?? classType.name, [...clashing], appointmentsOn);
      const free = classes.filter((c) => !clashing.has(c));
      const inserted = free.length
        ? await tx
            .insert(classSessions)
            .values(
              free.map((d) => ({
                ...d,
                classTypeId: classType.id,
                coachId: row.coachId,
                scheduleId: row.id,
                createdAt: now,
                updatedAt: now,
              })),
            )
            .onConflictDoNothing()
            .returning({ id: classSessions.id })
        : [];
      await tx.update(sessionSchedules).set({ toDate: horizon }).where(eq(sessionSchedules.id, row.id));
      return inserted.length;
    });
  }
  return { created };
}

/**
 * One notice per skipped class to every admin. The dedupe key (schedule, start) is what makes it
 * once: the row lock already keeps two runs from both extending this schedule, but a run that
 * finds the same clash again (a horizon moved back, a retried transaction) must not repeat it.
 */
async function tellAdminsOfClashes(
  tx: Tx,
  schedule: { id: string; coachId: string; timezone: string },
  classTitle: string,
  clashes: ReadonlyArray<{ startTime: Date }>,
  appointmentsOn: boolean,
) {
  const [coach] = await tx.select({ name: users.name }).from(users).where(eq(users.id, schedule.coachId));
  for (const { startTime } of clashes) {
    const notice = scheduleClashNotice({
      classTitle,
      coachName: coach?.name ?? 'The coach',
      startTime,
      timeZone: schedule.timezone,
      appointmentsOn,
    });
    await notifyEveryAdmin(tx, `schedule-clash:${schedule.id}:${startTime.toISOString()}`, {
      feature: 'sessions',
      kind: 'schedule_clash',
      ...notice,
      link: `/schedule?day=${localDateOf(startTime, schedule.timezone)}`,
    });
  }
}
