import { addLocalDays, type LocalDate } from '../time/studio-week';

/** How far ahead an ongoing schedule is kept generated (like weekly credits, bookable weeks ahead). */
export const ONGOING_WEEKS_AHEAD = 4;

/**
 * The last day an ongoing schedule should be generated through today: four weeks on from today,
 * or from its first day when that is later. The job extends a schedule whose `toDate` is before it.
 */
export function ongoingHorizon(fromDate: LocalDate, today: LocalDate): LocalDate {
  const start = fromDate > today ? fromDate : today;
  return addLocalDays(start, ONGOING_WEEKS_AHEAD * 7 - 1);
}
