import { eq, inArray } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { appointments, appointmentServices, users } from '../../db/schema';
import { isStaff, type Actor } from '../../domain/access/roles';
import { decideAttendance } from '../../domain/appointments/decide-attendance';
import { decideCancellation } from '../../domain/appointments/decide-cancellation';
import { decideMove } from '../../domain/appointments/decide-move';
import { DomainError } from '../../domain/shared/domain-error';
import { refundCreditsForAppointment } from '../credits/refund-credits-for-booking';
import { loadSettings } from '../settings/settings-service';
import { getService } from './appointment-services';
import { notifyAppointmentChange, type AppointmentFacts } from './appointment-notifications';
import { getAppointmentView, type AppointmentView } from './appointment-views';
import { slotTakenOr } from './book-appointment';
import { loadBookingState } from './booking-state';
import { lockCoachTime } from './coach-time';

/**
 * Locks one appointment row (FOR UPDATE) for a change: two changes of the same appointment (a
 * double-tapped cancel, a cancel racing a move) run one after the other, and the second sees the
 * first's status. Clients may only touch their own; a coach or admin any.
 */
async function lockAppointment(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx.select().from(appointments).where(eq(appointments.id, id)).for('update');
  if (!row || (!isStaff(actor) && row.clientId !== actor.id))
    throw new DomainError('APPOINTMENT_NOT_FOUND', 'That appointment does not exist');
  const [service] = await tx
    .select({ name: appointmentServices.name })
    .from(appointmentServices)
    .where(eq(appointmentServices.id, row.serviceId));
  const people = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [row.clientId, row.coachId]));
  const person = (userId: string) => people.find((p) => p.id === userId) ?? { id: userId, name: 'Someone' };
  const facts: AppointmentFacts = {
    id: row.id,
    serviceName: service!.name,
    startTime: row.startTime,
    client: person(row.clientId),
    coach: person(row.coachId),
  };
  return { row, facts };
}

/**
 * Cancels an appointment. In time, its credits go back to the grants they came from (refund
 * locks those grants in id order, ADR 0008); late, they are kept. The row lock makes a second
 * cancel see CANCELLED and refuse, so a refund happens once.
 */
export async function cancelAppointment(db: Database, actor: Actor, id: string, input: { reason?: string }, now: Date) {
  const outcome = await inTransaction(db, async (tx) => {
    const { row, facts } = await lockAppointment(tx, actor, id);
    const decision = decideCancellation(row, { by: isStaff(actor) ? 'STAFF' : 'CLIENT' }, now);
    if (decision instanceof DomainError) throw decision;
    await tx
      .update(appointments)
      .set({ status: decision.status, cancelledAt: now, updatedAt: now })
      .where(eq(appointments.id, id));
    const { refunded } = decision.refund
      ? await refundCreditsForAppointment(tx, {
          appointmentId: id,
          actorId: actor.id,
          reason: decision.status === 'CANCELLED' ? 'cancelled in time' : 'cancelled',
          now,
        })
      : { refunded: 0 };
    const timeZone = (await loadSettings(tx))['studio.timezone'];
    const note = [
      input.reason ? `Reason: ${input.reason}.` : '',
      decision.late ? 'Late cancellation: the credit is kept.' : '',
    ]
      .filter(Boolean)
      .join(' ');
    await notifyAppointmentChange(tx, 'cancelled', facts, timeZone, { stamp: now, note });
    return { status: decision.status, late: decision.late, refunded };
  });
  return { ...outcome, appointment: await getAppointmentView(db, actor, id, now) };
}

/** Staff move a booked appointment to another start (and coach); its credits stay. */
export async function moveAppointment(
  db: Database,
  actor: Actor,
  id: string,
  input: { startTime: Date; coachId?: string },
  now: Date,
): Promise<AppointmentView> {
  try {
    await inTransaction(db, async (tx) => {
      const { row, facts } = await lockAppointment(tx, actor, id);
      const coachId = input.coachId ?? row.coachId;
      const timeZone = (await loadSettings(tx))['studio.timezone'];
      const service = await getService(tx, row.serviceId);
      // The same lock as booking: see coach-time.ts. The old slot is this row's own, so the
      // exclusion constraint compares the new range with every other live appointment only.
      await lockCoachTime(tx, coachId);
      const state = await loadBookingState(tx, { ...service, active: true }, coachId, input.startTime, timeZone);
      const decision = decideMove(row, state, { coachId, start: input.startTime }, now);
      if (decision instanceof DomainError) throw decision;
      await tx
        .update(appointments)
        .set({
          coachId,
          startTime: decision.start,
          endTime: decision.end,
          busyFrom: decision.busyFrom,
          busyUntil: decision.busyUntil,
          lateCancelsAfter: decision.lateCancelsAfter,
          updatedAt: now,
        })
        .where(eq(appointments.id, id));
      const coach = service.coaches.find((c) => c.id === coachId) ?? facts.coach;
      await notifyAppointmentChange(tx, 'moved', { ...facts, coach, startTime: decision.start }, timeZone, {
        stamp: now,
        previousStart: row.startTime,
      });
    });
  } catch (error) {
    throw slotTakenOr(error);
  }
  return getAppointmentView(db, actor, id, now);
}

/** Staff mark whether the client came. Credits are untouched (a no-show keeps them spent). */
export async function markAppointmentAttendance(
  db: Database,
  actor: Actor,
  id: string,
  status: 'ATTENDED' | 'NO_SHOW',
  now: Date,
): Promise<AppointmentView> {
  await inTransaction(db, async (tx) => {
    const { row } = await lockAppointment(tx, actor, id);
    const decision = decideAttendance(row, status, now);
    if (decision instanceof DomainError) throw decision;
    await tx
      .update(appointments)
      .set({ status: decision.status, attendanceMarkedAt: now, updatedAt: now })
      .where(eq(appointments.id, id));
  });
  return getAppointmentView(db, actor, id, now);
}

/** Notes the client sees (client or staff) and private coach notes (staff only). */
export async function editAppointmentNotes(
  db: Database,
  actor: Actor,
  id: string,
  input: { notes?: string; coachNotes?: string },
  now: Date,
): Promise<AppointmentView> {
  if (input.coachNotes !== undefined && !isStaff(actor))
    throw new DomainError('FORBIDDEN', 'Only coaches and admins write coach notes');
  await inTransaction(db, async (tx) => {
    await lockAppointment(tx, actor, id);
    await tx
      .update(appointments)
      .set({ notes: input.notes, coachNotes: input.coachNotes, updatedAt: now })
      .where(eq(appointments.id, id));
  });
  return getAppointmentView(db, actor, id, now);
}
