import type { Executor } from '../../db/client';
import { formatLocal } from '../../domain/time/format-local';
import { notifyUser } from '../notifications/notify-user';

export interface AppointmentFacts {
  id: string;
  serviceName: string;
  startTime: Date;
  client: { id: string; name: string };
  coach: { id: string; name: string };
}

type Change = 'booked' | 'moved' | 'cancelled';

/** "Personal Training 45 on Tue 3 Mar at 09:00", in the studio's time zone. */
export const describeAppointment = (a: Pick<AppointmentFacts, 'serviceName' | 'startTime'>, timeZone: string) =>
  `${a.serviceName} on ${formatLocal(a.startTime, timeZone, "EEE d MMM 'at' HH:mm")}`;

const TITLES: Record<Change, string> = { booked: 'Booked', moved: 'Moved', cancelled: 'Cancelled' };

/**
 * Tells both the client and the coach (bell + email) that an appointment was booked, moved or
 * cancelled, in the transaction that changed it. `stamp` (the change's time) makes each message
 * once per change, also when the transaction runs again.
 */
export async function notifyAppointmentChange(
  tx: Executor,
  change: Change,
  appointment: AppointmentFacts,
  timeZone: string,
  extra: { stamp: Date; note?: string; previousStart?: Date },
) {
  const what = describeAppointment(appointment, timeZone);
  const before = extra.previousStart
    ? ` (was ${formatLocal(extra.previousStart, timeZone, "EEE d MMM 'at' HH:mm")})`
    : '';
  const note = extra.note ? ` ${extra.note}` : '';
  const people = [
    { userId: appointment.client.id, body: `Your ${what} with ${appointment.coach.name}${before}: ${change}.${note}` },
    { userId: appointment.coach.id, body: `${appointment.client.name}: ${what}${before}: ${change}.${note}` },
  ];
  for (const person of people) {
    await notifyUser(tx, {
      userId: person.userId,
      feature: 'appointments',
      kind: `appointment_${change}`,
      title: `${TITLES[change]}: ${what}`,
      body: person.body,
      link: '/appointments',
      email: true,
      dedupeKey: `appointment-${change}:${appointment.id}:${person.userId}:${extra.stamp.getTime()}`,
    });
  }
}
