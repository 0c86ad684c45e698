import { DomainError } from '../shared/domain-error';
import type { LocalDate } from '../time/studio-week';
import type { MembershipState } from './decide-membership-change';

export interface PauseDates {
  /** First paused day (studio-local). */
  from: LocalDate;
  /** Last paused day, inclusive: the membership resumes the day after. */
  until: LocalDate;
  reason: string;
}

const refuse = (message: string, field?: string) =>
  new DomainError('INVALID_MEMBERSHIP_TRANSITION', message, field ? { field } : undefined);

/**
 * Staff book a pause for dates (a holiday, an injury). Only an active recurring or prepaid
 * membership, from today on, ending on or after it starts. A pause starting today pauses at once;
 * a later one is started, and every pause ended, by the membership-pauses job, which applies the
 * very rules of an immediate pause and resume (decideMembershipChange): credits are on hold while
 * paused, no weekly credits are granted for paused weeks, and a prepaid term is extended by the
 * days paused.
 */
export function decideScheduledPause(
  state: Pick<MembershipState, 'planType' | 'status' | 'endDate'>,
  dates: PauseDates,
  today: LocalDate,
): { startsNow: boolean } | DomainError {
  if (state.planType === 'PACK') return refuse('A pack cannot be paused; its credits stay until they expire.');
  if (state.status !== 'ACTIVE')
    return refuse(`Only an active membership can be paused (this one is ${state.status.toLowerCase()}).`);
  if (dates.from < today) return refuse('A pause cannot start in the past.', 'from');
  if (dates.until < dates.from) return refuse('The pause must end on or after the day it starts.', 'until');
  if (state.endDate !== null && dates.from > state.endDate)
    return refuse('This membership ends before that date: there is nothing to pause.', 'from');
  if (!dates.reason.trim()) return refuse('Say why the membership is paused.', 'reason');
  return { startsNow: dates.from === today };
}

/** What the daily pause job does to one membership today: start its booked pause, end it, or nothing. */
export function duePauseStep(
  state: Pick<MembershipState, 'status'> & { pauseFrom: LocalDate | null; pauseUntil: LocalDate | null },
  today: LocalDate,
): 'PAUSE' | 'RESUME' | null {
  if (state.pauseFrom === null || state.pauseUntil === null) return null;
  if (state.status === 'ACTIVE' && state.pauseFrom <= today && state.pauseUntil >= today) return 'PAUSE';
  if (state.status === 'PAUSED' && state.pauseUntil < today) return 'RESUME';
  return null;
}
