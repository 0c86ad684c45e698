import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { classSessions, sessionSchedules } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { draftSession } from '../../domain/sessions/decide-session-draft';
import { generateScheduleSlots, slotsToCreate } from '../../domain/sessions/generate-schedule';
import { DomainError } from '../../domain/shared/domain-error';
import { ongoingHorizon } from '../../domain/sessions/ongoing-schedule';
import { localDateOf, type LocalDate } from '../../domain/time/studio-week';
import type { LocalTime, WeekdayCode } from '../../domain/time/wall-clock';
import { lockCoachTime, timesOverlappingAppointments } from '../appointments/coach-time';
import { recordAudit } from '../audit/record-audit';
import { loadSettings } from '../settings/settings-service';
import { getClassType } from './class-types';
import { listSessionsByIds, type SessionView } from './session-views';
import { assertCoach } from './staff-checks';

export interface ScheduleInput {
  classTypeId: string;
  coachId: string;
  daysOfWeek: WeekdayCode[];
  localTime: LocalTime;
  fromDate: LocalDate;
  /** Required unless ongoing; an ongoing schedule is first generated ONGOING_WEEKS_AHEAD weeks. */
  toDate?: LocalDate;
  ongoing?: boolean;
  capacity?: number;
  location?: string;
  title?: string;
  notes?: string;
  durationMins?: number;
}

export type ScheduleOutcome =
  | { preview: true; sessions: Array<{ startTime: Date; endTime: Date }>; skipped: Array<{ startTime: Date }> }
  | { preview: false; scheduleId: string; sessions: SessionView[]; skipped: Array<{ startTime: Date }> };

/**
 * A weekly pattern → sessions, in the studio's time zone. Slots where a session of this class
 * type already starts (in any state — a class the studio cancelled stays cancelled) are
 * skipped. With `preview`, nothing is written: the times that would be created are listed.
 */
export async function createSchedule(
  db: Database,
  actor: Actor,
  input: ScheduleInput,
  preview: boolean,
  now: Date,
): Promise<ScheduleOutcome> {
  const classType = await getClassType(db, input.classTypeId);
  if (!classType.active)
    throw new DomainError('CLASS_TYPE_INACTIVE', `${classType.name} is archived; reactivate it to schedule classes`);
  await assertCoach(db, input.coachId);
  const timeZone = (await loadSettings(db))['studio.timezone'];
  const toDate = input.ongoing ? ongoingHorizon(input.fromDate, localDateOf(now, timeZone)) : input.toDate!;
  const slots = generateScheduleSlots({
    ...input,
    toDate,
    durationMins: input.durationMins ?? classType.defaultDurationMins,
    timeZone,
  });
  if (slots instanceof DomainError) throw slots;
  const existing = slots.length
    ? await db
        .select({ startTime: classSessions.startTime })
        .from(classSessions)
        .where(
          and(
            eq(classSessions.classTypeId, classType.id),
            inArray(
              classSessions.startTime,
              slots.map((s) => s.startTime),
            ),
          ),
        )
    : [];
  const taken = new Set(existing.map((e) => e.startTime.getTime()));
  const toCreate = slotsToCreate(slots, taken);
  const skipped = slots.filter((s) => taken.has(s.startTime.getTime())).map((s) => ({ startTime: s.startTime }));
  // Said in the preview already; checked again under the coach-time lock before writing.
  await refuseOverAppointments(db, input.coachId, toCreate, timeZone);
  if (preview) return { preview: true, sessions: toCreate, skipped };

  const drafts = toCreate.map((slot) => {
    const draft = draftSession(classType, {
      startTime: slot.startTime,
      endTime: slot.endTime,
      capacity: input.capacity,
      location: input.location,
      title: input.title,
      notes: input.notes,
    });
    if (draft instanceof DomainError) throw draft;
    return draft;
  });
  return db.transaction(async (tx) => {
    // The lock 1-on-1 booking takes (appointments/coach-time.ts): no appointment can be booked over
    // these classes between the check and the insert, nor these classes over one booked meanwhile.
    await lockCoachTime(tx, input.coachId);
    await refuseOverAppointments(tx, input.coachId, toCreate, timeZone);
    const [schedule] = await tx
      .insert(sessionSchedules)
      .values({
        classTypeId: classType.id,
        coachId: input.coachId,
        daysOfWeek: input.daysOfWeek,
        localTime: input.localTime,
        fromDate: input.fromDate,
        toDate,
        timezone: timeZone,
        capacity: input.capacity ?? classType.defaultCapacity,
        location: input.location?.trim() ?? '',
        // Kept so the job generating an ongoing schedule ahead makes the same classes.
        ongoing: input.ongoing ?? false,
        title: input.title?.trim() || null,
        notes: input.notes?.trim() || null,
        durationMins: input.durationMins ?? null,
        createdBy: actor.id,
        createdAt: now,
      })
      .returning({ id: sessionSchedules.id });
    // The slot index (class type, coach, start) makes a schedule created twice at the same
    // moment still produce each session once.
    const created = drafts.length
      ? await tx
          .insert(classSessions)
          .values(
            drafts.map((d) => ({
              ...d,
              classTypeId: classType.id,
              coachId: input.coachId,
              scheduleId: schedule!.id,
              createdAt: now,
              updatedAt: now,
            })),
          )
          .onConflictDoNothing()
          .returning({ id: classSessions.id })
      : [];
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'schedule.created',
      targetType: 'session_schedule',
      targetId: schedule!.id,
      after: { ...input, toDate, timezone: timeZone, created: created.length, skipped: skipped.length },
    });
    return {
      preview: false as const,
      scheduleId: schedule!.id,
      sessions: await listSessionsByIds(
        tx,
        actor,
        created.map((c) => c.id),
        now,
      ),
      skipped,
    };
  });
}

/** A weekly schedule never puts a class over one of the coach's booked 1-on-1s: the first clash is named. */
async function refuseOverAppointments(
  db: Executor,
  coachId: string,
  times: readonly { startTime: Date; endTime: Date }[],
  timeZone: string,
): Promise<void> {
  const [clash] = await timesOverlappingAppointments(db, coachId, times);
  if (!clash) return;
  const when = format(new TZDate(clash.startTime.getTime(), timeZone), "EEE d MMM 'at' HH:mm");
  throw new DomainError(
    'SLOT_TAKEN',
    `The coach has a 1-on-1 appointment during the class on ${when}. Move the appointment or choose other times.`,
    { field: 'localTime' },
  );
}
