import type { Tx } from '../../db/client';
import type { BookingState } from '../../domain/appointments/decide-booking';
import { addLocalDays, localDateOf } from '../../domain/time/studio-week';
import type { ServiceView } from './appointment-services';
import { loadAvailability } from './availability';
import { classesOfCoach } from './coach-time';

const DAY = 86_400_000;

/** What the booking rules need about the coach around `start`, read under the coach-time lock. */
export async function loadBookingState(
  tx: Tx,
  service: ServiceView,
  coachId: string,
  start: Date,
  timeZone: string,
): Promise<BookingState> {
  const day = localDateOf(start, timeZone);
  const [availability, classes] = await Promise.all([
    loadAvailability(tx, coachId, addLocalDays(day, -1)),
    classesOfCoach(tx, coachId, new Date(start.getTime() - DAY), new Date(start.getTime() + 2 * DAY)),
  ]);
  return { service: { ...service, coachIds: service.coaches.map((c) => c.id) }, availability, classes, timeZone };
}
