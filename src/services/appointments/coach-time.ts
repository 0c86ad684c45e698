import { and, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { appointments, classSessions } from '../../db/schema';
import { LIVE_APPOINTMENT_STATUSES } from '../../domain/appointments/types';
import type { BusyRange } from '../../domain/appointments/generate-slots';

/** Namespace of the coach-time advisory locks (the two-key form keeps them apart from others). */
const COACH_TIME_LOCK = 1313;

/**
 * Serialises every change to one coach's time: booking or moving an appointment, and creating or
 * editing a class they teach. Appointments cannot overlap each other (the exclusion constraint
 * `appointments_coach_busy_excl` refuses it whatever the timing), but a class lives in another
 * table, so "no appointment over a class" is a check; both sides take this lock before they read,
 * so the one that waits reads the other's committed row (READ COMMITTED takes a fresh snapshot per
 * statement) and refuses instead of racing. Held until the transaction ends.
 */
export async function lockCoachTime(tx: Tx, coachId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${COACH_TIME_LOCK}, hashtext(${coachId}))`);
}

/** Classes a coach teaches (not cancelled) overlapping [from, until). */
export async function classesOfCoach(db: Executor, coachId: string, from: Date, until: Date): Promise<BusyRange[]> {
  const rows = await db
    .select({ from: classSessions.startTime, until: classSessions.endTime })
    .from(classSessions)
    .where(
      and(
        eq(classSessions.coachId, coachId),
        ne(classSessions.status, 'CANCELLED'),
        lt(classSessions.startTime, until),
        gt(classSessions.endTime, from),
      ),
    );
  return rows;
}

/** Busy ranges (buffers included) of a coach's live appointments overlapping [from, until). */
export async function appointmentsOfCoach(
  db: Executor,
  coachId: string,
  from: Date,
  until: Date,
  exceptId?: string,
): Promise<BusyRange[]> {
  return db
    .select({ from: appointments.busyFrom, until: appointments.busyUntil })
    .from(appointments)
    .where(
      and(
        eq(appointments.coachId, coachId),
        inArray(appointments.status, [...LIVE_APPOINTMENT_STATUSES]),
        lt(appointments.busyFrom, until),
        gt(appointments.busyUntil, from),
        exceptId ? ne(appointments.id, exceptId) : undefined,
      ),
    );
}

/**
 * Of many class times for one coach (a weekly schedule), those that overlap one of the coach's live
 * appointments: one query over the whole span, then compared here. Call it under lockCoachTime when
 * the answer decides a write.
 */
export async function timesOverlappingAppointments<T extends { startTime: Date; endTime: Date }>(
  db: Executor,
  coachId: string,
  times: readonly T[],
): Promise<T[]> {
  if (times.length === 0) return [];
  const from = new Date(Math.min(...times.map((t) => t.startTime.getTime())));
  const until = new Date(Math.max(...times.map((t) => t.endTime.getTime())));
  const busy = await appointmentsOfCoach(db, coachId, from, until);
  return times.filter((t) => busy.some((b) => b.from < t.endTime && b.until > t.startTime));
}
