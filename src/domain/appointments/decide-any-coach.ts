import { DomainError } from '../shared/domain-error';
import type { BookingDecision } from './decide-booking';

/** One coach who offers the service, as seen under the coach-time locks of an "any coach" booking. */
export interface AnyCoachOption {
  coachId: string;
  coachName: string;
  /** decideBooking for this coach at the asked start. */
  decision: BookingDecision | DomainError;
  /** Another live appointment of this coach overlaps the busy range (buffers included). */
  appointmentClash: boolean;
  /** Live 1-on-1s this coach has on the studio day of the start, and in its studio week. */
  bookedThatDay: number;
  bookedThatWeek: number;
}

export interface AnyCoachChoice {
  coachId: string;
  decision: BookingDecision;
}

/** Fewest 1-on-1s that day, then that week, then by name, then by id: one total order, whatever the input order. */
function compareForAnyCoach(a: AnyCoachOption, b: AnyCoachOption): number {
  return (
    a.bookedThatDay - b.bookedThatDay ||
    a.bookedThatWeek - b.bookedThatWeek ||
    (a.coachName < b.coachName ? -1 : a.coachName > b.coachName ? 1 : 0) ||
    (a.coachId < b.coachId ? -1 : a.coachId > b.coachId ? 1 : 0)
  );
}

/** Why nobody could take it: a rule of the service (same for every coach) first, then "taken", then "off". */
function noCoachError(options: readonly AnyCoachOption[]): DomainError {
  const errors = options.map((o) => o.decision).filter((d): d is DomainError => d instanceof DomainError);
  const serviceRule = errors.find((e) => e.code !== 'OUTSIDE_AVAILABILITY' && e.code !== 'SLOT_TAKEN');
  if (serviceRule) return serviceRule;
  if (options.length === 0) return new DomainError('SERVICE_NOT_BOOKABLE', 'No coach offers this yet');
  if (
    options.some((o) => o.appointmentClash || (o.decision instanceof DomainError && o.decision.code === 'SLOT_TAKEN'))
  )
    return new DomainError('SLOT_TAKEN', 'Someone has just booked that time. Please pick another slot.', {
      field: 'startTime',
    });
  return new DomainError('OUTSIDE_AVAILABILITY', 'No coach is available at that time', { field: 'startTime' });
}

/**
 * "Any coach": of the coaches free at that start, the one with the fewest 1-on-1s booked that day,
 * then that week, so bookings spread over the team instead of all going to the first name on the
 * list; a tie goes to the first by name (then id), so the same state always gives the same coach.
 */
export function decideAnyCoach(options: readonly AnyCoachOption[]): AnyCoachChoice | DomainError {
  const free = options.filter((o) => !(o.decision instanceof DomainError) && !o.appointmentClash);
  const chosen = [...free].sort(compareForAnyCoach)[0];
  if (!chosen) return noCoachError(options);
  return { coachId: chosen.coachId, decision: chosen.decision as BookingDecision };
}
