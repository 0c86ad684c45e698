import { addLocalDays, localDateOf, type LocalDate } from '../time/studio-week';

/**
 * The last studio-local day a subscription ending at `endsAt` is paid for: the day holding its
 * last paid moment (a period ending at midnight on 1 January is paid for up to 31 December).
 */
export function lastPaidDay(endsAt: Date, timeZone: string): LocalDate {
  return localDateOf(new Date(endsAt.getTime() - 1), timeZone);
}

export interface ScheduledEndState {
  startDate: LocalDate;
  /** The membership's last day now, whoever set it. */
  endDate: LocalDate | null;
  /** The last day Roster recorded from the provider before this update (payment_subscriptions.endsOn). */
  endsOn: LocalDate | null;
}

/**
 * A monthly plan cancelled (or un-cancelled) at the period's end in the provider's portal
 * (ADR 0029): the membership's last day follows the provider's, but only an end date this
 * path set is moved or cleared — an earlier one set otherwise stays. Null = nothing changes.
 */
export function decideScheduledEnd(
  state: ScheduledEndState,
  endsOn: LocalDate | null,
): { endsOn: LocalDate | null; endDate: LocalDate | null } | null {
  // The database keeps a last day no earlier than the day before the first (never started).
  const floor = addLocalDays(state.startDate, -1);
  const next = endsOn !== null && endsOn < floor ? floor : endsOn;
  if (next === state.endsOn) return null;
  const ours = state.endDate === null || state.endDate === state.endsOn;
  return { endsOn: next, endDate: ours ? next : state.endDate };
}
