import { DomainError } from '../shared/domain-error';
import { addLocalDays, localDaysBetween, type LocalDate } from '../time/studio-week';
import type { MembershipStatus, PlanType } from './plan-types';

export interface MembershipState {
  planType: PlanType;
  status: MembershipStatus;
  startDate: LocalDate;
  endDate: LocalDate | null;
  pausedOn: LocalDate | null;
}

export interface MembershipChange {
  status: MembershipStatus;
  endDate: LocalDate | null;
  pausedOn: LocalDate | null;
  /** Create the weekly grants now (on resume). */
  allocate: boolean;
  /**
   * Grants of this membership stop covering sessions from the start of this local date:
   * unused credits of later weeks are revoked and the current week's window is cut here.
   */
  revokeFrom: LocalDate | null;
}

const refuse = (message: string) => new DomainError('INVALID_MEMBERSHIP_TRANSITION', message);

/**
 * Pause, resume or cancel a membership (today is the studio-local date of the change).
 * - Pause: only an active recurring or prepaid membership. Its credits cannot be used while
 *   paused and no weekly credits are granted for paused weeks.
 * - Resume: a paused one. A prepaid term moves its end date on by the days it was paused, so
 *   the client still gets the length they paid for. Weekly credits are granted at once.
 * - Cancel: an active or paused one. It ends today (or never starts if it has not begun);
 *   credits it granted for later days are revoked.
 */
export function decideMembershipChange(
  state: MembershipState,
  target: 'ACTIVE' | 'PAUSED' | 'CANCELLED',
  today: LocalDate,
): MembershipChange | DomainError {
  if (state.status === 'CANCELLED' || state.status === 'EXPIRED') {
    return refuse(
      `This membership has ${state.status === 'CANCELLED' ? 'been cancelled' : 'ended'} and cannot be changed. Assign a new one instead.`,
    );
  }
  if (target === state.status) return refuse(`This membership is already ${state.status.toLowerCase()}.`);
  if (target === 'PAUSED') {
    if (state.planType === 'PACK') return refuse('A pack cannot be paused; its credits stay until they expire.');
    return { status: 'PAUSED', endDate: state.endDate, pausedOn: today, allocate: false, revokeFrom: null };
  }
  if (target === 'ACTIVE') {
    const pausedDays = state.pausedOn ? Math.max(0, localDaysBetween(state.pausedOn, today)) : 0;
    const endDate =
      state.planType === 'PREPAID' && state.endDate ? addLocalDays(state.endDate, pausedDays) : state.endDate;
    return { status: 'ACTIVE', endDate, pausedOn: null, allocate: true, revokeFrom: null };
  }
  const endsOn = state.startDate > today ? addLocalDays(state.startDate, -1) : today;
  const endDate = state.endDate !== null && state.endDate < endsOn ? state.endDate : endsOn;
  return { status: 'CANCELLED', endDate, pausedOn: null, allocate: false, revokeFrom: addLocalDays(endDate, 1) };
}
