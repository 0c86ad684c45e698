import { eq } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { isExclusionViolation } from '../../db/errors';
import { appointments, users } from '../../db/schema';
import { isStaff, type Actor } from '../../domain/access/roles';
import { decideBooking } from '../../domain/appointments/decide-booking';
import { DomainError } from '../../domain/shared/domain-error';
import { refuseInactiveUser } from '../../domain/users/refuse-inactive-user';
import { consumeCreditsForAppointment } from '../credits/consume-credits-for-booking';
import { recordComp } from '../credits/record-comp';
import { loadSettings } from '../settings/settings-service';
import { getService, type ServiceView } from './appointment-services';
import { describeAppointment, notifyAppointmentChange } from './appointment-notifications';
import { getAppointmentView, type AppointmentView } from './appointment-views';
import { chooseAnyCoach } from './any-coach';
import { loadBookingState } from './booking-state';
import { lockCoachTime } from './coach-time';

export interface BookAppointmentInput {
  serviceId: string;
  /** Left out: any coach who offers the service (chooseAnyCoach). */
  coachId?: string;
  startTime: Date;
  clientId?: string;
  compReason?: string;
  notes?: string;
}

/** The exclusion constraint refused the row: another appointment holds that time. */
export const slotTakenOr = (error: unknown) =>
  isExclusionViolation(error, 'appointments_coach_busy_excl')
    ? new DomainError('SLOT_TAKEN', 'Someone has just booked that time. Please pick another slot.', {
        field: 'startTime',
      })
    : error;

/** The asked coach, under their coach-time lock. */
async function bookWithCoach(
  tx: Tx,
  service: ServiceView,
  coachId: string,
  start: Date,
  by: 'CLIENT' | 'STAFF',
  timeZone: string,
  now: Date,
) {
  await lockCoachTime(tx, coachId);
  const state = await loadBookingState(tx, service, coachId, start, timeZone);
  const decision = decideBooking(state, { coachId, start, by }, now);
  if (decision instanceof DomainError) throw decision;
  return { coachId, decision };
}

/**
 * Books a 1-on-1 appointment: a client for themselves, or staff for a client (with a comp reason:
 * without credits), with the asked coach or any coach (chooseAnyCoach). Why it cannot double-book: the coach-time lock serialises it with every other
 * booking, move and class change of this coach, and the exclusion constraint refuses any second
 * live appointment over the same busy range even without the lock. Credits are debited in the same
 * transaction (grants locked in id order, ADR 0008), so the appointment and its payment commit together.
 */
export async function bookAppointment(
  db: Database,
  actor: Actor,
  input: BookAppointmentInput,
  now: Date,
): Promise<AppointmentView> {
  const clientId = input.clientId ?? actor.id;
  if (!isStaff(actor) && (clientId !== actor.id || input.compReason !== undefined))
    throw new DomainError('FORBIDDEN', 'Only coaches and admins can book for someone else or without credits');
  try {
    const id = await inTransaction(db, async (tx) => {
      const timeZone = (await loadSettings(tx))['studio.timezone'];
      const [client] = await tx
        .select({ id: users.id, name: users.name, banned: users.banned })
        .from(users)
        .where(eq(users.id, clientId));
      if (!client) throw new DomainError('USER_NOT_FOUND', 'That client does not exist', { field: 'clientId' });
      const inactive = refuseInactiveUser({ name: client.name, active: !client.banned });
      if (inactive) throw inactive;
      const service = await getService(tx, input.serviceId);
      const by = isStaff(actor) ? 'STAFF' : 'CLIENT';
      const { coachId, decision } = input.coachId
        ? await bookWithCoach(tx, service, input.coachId, input.startTime, by, timeZone, now)
        : await chooseAnyCoach(tx, service, input.startTime, by, timeZone, now);
      const [row] = await tx
        .insert(appointments)
        .values({
          serviceId: service.id,
          coachId,
          clientId,
          startTime: decision.start,
          endTime: decision.end,
          busyFrom: decision.busyFrom,
          busyUntil: decision.busyUntil,
          lateCancelsAfter: decision.lateCancelsAfter,
          notes: input.notes ?? '',
          bookedBy: actor.id,
          compReason: input.compReason ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: appointments.id });
      const appointmentId = row!.id;
      const description = describeAppointment({ serviceName: service.name, startTime: decision.start }, timeZone);
      if (input.compReason !== undefined) {
        await recordComp(tx, {
          userId: clientId,
          description,
          reason: input.compReason,
          appointmentId,
          actorId: actor.id,
          now,
        });
      } else if (service.creditCost > 0) {
        await consumeCreditsForAppointment(tx, {
          userId: clientId,
          appointmentId,
          serviceId: service.id,
          serviceName: service.name,
          startsAt: decision.start,
          cost: service.creditCost,
          actorId: actor.id,
          description,
          now,
        });
      }
      const coach = service.coaches.find((c) => c.id === coachId)!;
      await notifyAppointmentChange(
        tx,
        'booked',
        { id: appointmentId, serviceName: service.name, startTime: decision.start, client, coach },
        timeZone,
        { stamp: now },
      );
      return appointmentId;
    });
    return await getAppointmentView(db, actor, id, now);
  } catch (error) {
    throw slotTakenOr(error);
  }
}
