import { and, gt, gte, inArray, lt } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { appointments } from '../../db/schema';
import { decideAnyCoach, type AnyCoachChoice } from '../../domain/appointments/decide-any-coach';
import { decideBooking } from '../../domain/appointments/decide-booking';
import { busyRangeOf } from '../../domain/appointments/generate-slots';
import { LIVE_APPOINTMENT_STATUSES } from '../../domain/appointments/types';
import { DomainError } from '../../domain/shared/domain-error';
import { addLocalDays, localDateOf, startOfLocalDate, studioWeekOf } from '../../domain/time/studio-week';
import type { ServiceView } from './appointment-services';
import { loadBookingState } from './booking-state';
import { lockCoachTime } from './coach-time';

/**
 * Picks the coach for an "any coach" booking (decideAnyCoach: the free one with the fewest
 * 1-on-1s that day, then that week). Why it cannot race: it first takes the coach-time lock of
 * EVERY coach who offers the service, one after the other in ascending id, and only then reads
 * who is free and how many 1-on-1s each has. Every other booking, move and class change of those
 * coaches takes the same lock, so what is read stays true until this transaction commits: two
 * "any coach" bookings of one slot run one after the other, and the second sees the first's
 * appointment and goes to the next coach (not SLOT_TAKEN, not both to the same one). The
 * ascending order means two of them never wait on each other in a cycle; every other path holds
 * one coach's lock only. (A deadlock through a hashtext collision would be retried by inTransaction.)
 */
export async function chooseAnyCoach(
  tx: Tx,
  service: ServiceView,
  start: Date,
  by: 'CLIENT' | 'STAFF',
  timeZone: string,
  now: Date,
): Promise<AnyCoachChoice> {
  const coaches = [...service.coaches].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const coach of coaches) await lockCoachTime(tx, coach.id);
  const ids = coaches.map((c) => c.id);
  const busy = busyRangeOf(service, start);
  const day = localDateOf(start, timeZone);
  const week = studioWeekOf(start, timeZone);
  const [states, clashing, thisWeek] = await Promise.all([
    Promise.all(coaches.map((c) => loadBookingState(tx, service, c.id, start, timeZone))),
    ids.length === 0
      ? []
      : tx
          .select({ coachId: appointments.coachId })
          .from(appointments)
          .where(
            and(
              inArray(appointments.coachId, ids),
              inArray(appointments.status, [...LIVE_APPOINTMENT_STATUSES]),
              lt(appointments.busyFrom, busy.until),
              gt(appointments.busyUntil, busy.from),
            ),
          ),
    ids.length === 0
      ? []
      : tx
          .select({ coachId: appointments.coachId, startTime: appointments.startTime })
          .from(appointments)
          .where(
            and(
              inArray(appointments.coachId, ids),
              inArray(appointments.status, [...LIVE_APPOINTMENT_STATUSES]),
              gte(appointments.startTime, startOfLocalDate(week, timeZone)),
              lt(appointments.startTime, startOfLocalDate(addLocalDays(week, 7), timeZone)),
            ),
          ),
  ]);
  const choice = decideAnyCoach(
    coaches.map((coach, i) => {
      const mine = thisWeek.filter((a) => a.coachId === coach.id);
      return {
        coachId: coach.id,
        coachName: coach.name,
        decision: decideBooking(states[i]!, { coachId: coach.id, start, by }, now),
        appointmentClash: clashing.some((a) => a.coachId === coach.id),
        bookedThatDay: mine.filter((a) => localDateOf(a.startTime, timeZone) === day).length,
        bookedThatWeek: mine.length,
      };
    }),
  );
  if (choice instanceof DomainError) throw choice;
  return choice;
}
