import { and, asc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { appointmentServices, appointments, creditTransactions, users } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { isStaff } from '../../domain/access/roles';
import { cancelWouldBeLate } from '../../domain/appointments/decide-cancellation';
import { DomainError } from '../../domain/shared/domain-error';

const coach = alias(users, 'coach');
const client = alias(users, 'client');
const booker = alias(users, 'booker');

/** Credits an appointment holds now: what it consumed minus what came back. */
const creditsHeld = sql<number>`(SELECT COALESCE(-SUM(t.amount), 0)::int FROM ${creditTransactions} t
  WHERE t.appointment_id = ${appointments.id} AND t.kind IN ('CONSUME', 'REFUND'))`;

function selectAppointments(db: Executor, where: SQL | undefined) {
  return db
    .select({
      a: appointments,
      service: {
        id: appointmentServices.id,
        name: appointmentServices.name,
        color: appointmentServices.color,
        durationMins: appointmentServices.durationMins,
      },
      coach: { id: coach.id, name: coach.name },
      client: { id: client.id, name: client.name, email: client.email },
      bookedBy: { id: booker.id, name: booker.name },
      creditsConsumed: creditsHeld,
    })
    .from(appointments)
    .innerJoin(appointmentServices, eq(appointmentServices.id, appointments.serviceId))
    .innerJoin(coach, eq(coach.id, appointments.coachId))
    .innerJoin(client, eq(client.id, appointments.clientId))
    .leftJoin(booker, eq(booker.id, appointments.bookedBy))
    .where(where)
    .orderBy(asc(appointments.startTime));
}

type Row = Awaited<ReturnType<typeof selectAppointments>>[number];

function toView(row: Row, actor: Actor, now: Date) {
  const { a } = row;
  return {
    id: a.id,
    status: a.status,
    service: row.service,
    coach: row.coach,
    client: row.client,
    startTime: a.startTime,
    endTime: a.endTime,
    notes: a.notes,
    ...(isStaff(actor) ? { coachNotes: a.coachNotes } : {}),
    bookedBy: row.bookedBy?.id ? { id: row.bookedBy.id, name: row.bookedBy.name } : null,
    compReason: a.compReason,
    creditsConsumed: Number(row.creditsConsumed),
    lateCancelsAfter: a.lateCancelsAfter,
    cancelWouldBeLate: a.status === 'BOOKED' && cancelWouldBeLate(a, now),
    cancelledAt: a.cancelledAt,
    attendanceMarkedAt: a.attendanceMarkedAt,
    createdAt: a.createdAt,
  };
}
export type AppointmentView = ReturnType<typeof toView>;

/** One appointment, for its client, its coach or any staff member. */
export async function getAppointmentView(db: Executor, actor: Actor, id: string, now: Date): Promise<AppointmentView> {
  const [row] = await selectAppointments(db, eq(appointments.id, id));
  if (!row || (!isStaff(actor) && row.a.clientId !== actor.id))
    throw new DomainError('APPOINTMENT_NOT_FOUND', 'That appointment does not exist');
  return toView(row, actor, now);
}

/** A client's appointments starting in [from, until). */
export async function listClientAppointments(
  db: Executor,
  actor: Actor,
  clientId: string,
  range: { from: Date; until: Date },
  now: Date,
): Promise<AppointmentView[]> {
  const rows = await selectAppointments(
    db,
    and(
      eq(appointments.clientId, clientId),
      gte(appointments.startTime, range.from),
      lt(appointments.startTime, range.until),
    ),
  );
  return rows.map((r) => toView(r, actor, now));
}

/** Appointments starting in [from, until), of some coaches (all when `coachIds` is undefined). */
export async function listCoachAppointments(
  db: Executor,
  range: { from: Date; until: Date },
  coachIds?: readonly string[],
) {
  const rows = await selectAppointments(
    db,
    and(
      gte(appointments.startTime, range.from),
      lt(appointments.startTime, range.until),
      coachIds ? inArray(appointments.coachId, [...coachIds]) : undefined,
    ),
  );
  return rows.map((r) => ({ ...r.a, service: r.service, coach: r.coach, client: r.client }));
}
