import { addLocalDays, localDaysBetween } from '../time/studio-week';
import { utcToWallClock, zonedDateTimeToUtc } from '../time/wall-clock';

export interface SessionTimes {
  startTime: Date;
  endTime: Date;
}

/**
 * A change of time made on one class of a series and applied to "this and the following"
 * classes, as a person means it: "Mondays 06:30 become Tuesdays 07:00, 30 minutes long". The
 * anchor's change is read in the studio's time zone — days moved, new wall-clock start, new
 * length — and applied to each class on its own date, so 07:00 stays 07:00 across a change of
 * the clocks (an hour's shift in UTC would not).
 */
export function planSeriesMove(anchor: { before: SessionTimes; after: SessionTimes }, timeZone: string) {
  const before = utcToWallClock(anchor.before.startTime, timeZone);
  const after = utcToWallClock(anchor.after.startTime, timeZone);
  const daysMoved = localDaysBetween(before.date, after.date);
  const lengthMs = anchor.after.endTime.getTime() - anchor.after.startTime.getTime();
  return (session: SessionTimes): SessionTimes => {
    const date = addLocalDays(utcToWallClock(session.startTime, timeZone).date, daysMoved);
    const startTime = zonedDateTimeToUtc(date, after.time, timeZone);
    return { startTime, endTime: new Date(startTime.getTime() + lengthMs) };
  };
}
