import { studioWeeksFrom, type StudioWeek } from '../time/studio-week';

/** Booking window used when the studio has no class types yet: two weeks ahead. */
export const DEFAULT_BOOKING_WINDOW_HOURS = 14 * 24;
/** Never allocate further ahead than this, whatever a class type's booking window says. */
export const MAX_WEEKS_AHEAD = 12;
/** The job runs hourly; a day of slack means a week's credits exist before its first class opens. */
const SLACK_MS = 24 * 3_600_000;

/**
 * The studio weeks that need weekly credits now: the current week and every week holding a
 * class that can be booked now or within the next day — up to the longest booking window of
 * any class type (two weeks by default), or further if a session already opened earlier.
 */
export function allocationWeeks(
  input: { now: Date; longestBookingWindowHours: number | null; furthestOpenSessionStart: Date | null },
  timeZone: string,
): StudioWeek[] {
  const windowHours = input.longestBookingWindowHours ?? DEFAULT_BOOKING_WINDOW_HOURS;
  let horizon = input.now.getTime() + windowHours * 3_600_000 + SLACK_MS;
  if (input.furthestOpenSessionStart) horizon = Math.max(horizon, input.furthestOpenSessionStart.getTime());
  const weeks = studioWeeksFrom(input.now, timeZone, MAX_WEEKS_AHEAD);
  return weeks.filter((w, i) => i === 0 || w.startsAt.getTime() <= horizon);
}
