import { format } from 'date-fns';
import { addLocalDays, startOfLocalDate, type LocalDate, type StudioWeek } from '../time/studio-week';
import { isWeekPaused, type PausedDays } from './decide-paused-weeks';

/** "2 Mar" for a local date, whatever the server's own time zone. */
function dayAndMonth(date: LocalDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return format(new Date(y, m - 1, d), 'd MMM');
}

export interface AllocatableMembership {
  membershipId: string;
  userId: string;
  planName: string;
  creditsPerWeek: number;
  startDate: LocalDate;
  /** Last day covered, inclusive; null = until cancelled. */
  endDate: LocalDate | null;
  /** Paid by a Direct Debit still pending (ADR 0023): only the week it starts in is granted. */
  provisional?: boolean;
  /** A pause booked for dates: weeks wholly inside it get nothing (ADR 0026). */
  pause?: PausedDays | null;
}

export interface WeeklyGrant {
  membershipId: string;
  userId: string;
  weekStart: LocalDate;
  amount: number;
  validFrom: Date;
  validUntil: Date;
  description: string;
}

/**
 * The weekly grants an active membership is owed for the given studio weeks. Each grant pays
 * for classes held in its week while the membership runs: the window is the week cut to the
 * membership's first and last day. A membership that starts mid-week still gets the full
 * weekly credits for that week (only usable from its start). Weeks outside the membership, and
 * weeks wholly inside a booked pause, get nothing; a provisional membership gets only the week it
 * starts in. Whether a grant already exists is not decided here: the (membership, week) unique
 * key makes writing the result exactly-once.
 */
export function decideWeeklyAllocations(
  memberships: readonly AllocatableMembership[],
  weeks: readonly StudioWeek[],
  timeZone: string,
): WeeklyGrant[] {
  const grants: WeeklyGrant[] = [];
  for (const m of memberships) {
    const startsAt = startOfLocalDate(m.startDate, timeZone);
    const endsAt = m.endDate === null ? null : startOfLocalDate(addLocalDays(m.endDate, 1), timeZone);
    for (const week of weeks) {
      if (isWeekPaused(week.weekStart, m.pause ?? null)) continue;
      const validFrom = startsAt > week.startsAt ? startsAt : week.startsAt;
      const validUntil = endsAt !== null && endsAt < week.endsAt ? endsAt : week.endsAt;
      if (validFrom >= validUntil || m.creditsPerWeek < 1) continue;
      if (m.provisional && week.weekStart > m.startDate) continue;
      grants.push({
        membershipId: m.membershipId,
        userId: m.userId,
        weekStart: week.weekStart,
        amount: m.creditsPerWeek,
        validFrom,
        validUntil,
        description: `Weekly credits, week of ${dayAndMonth(week.weekStart)} (${m.planName})`,
      });
    }
  }
  return grants;
}
