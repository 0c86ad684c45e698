const MINUTES_PER_DAY = 24 * 60;
const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
const hhmmOf = (minutes: number) => {
  const wrapped = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
};

/**
 * Moving a class's start keeps its length: 10:00–10:25 moved to 10:30 ends at 10:55 (the server
 * does the same when only a new start is sent). Times are studio wall-clock "HH:mm"; a start or
 * end that is not a time yet (a half-typed input) leaves the end as it was.
 */
export function endKeepingLength(before: { start: string; end: string }, nextStart: string): string {
  const valid = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (!valid.test(before.start) || !valid.test(before.end) || !valid.test(nextStart)) return before.end;
  const length = minutesOf(before.end) - minutesOf(before.start);
  if (length <= 0) return before.end;
  return hhmmOf(minutesOf(nextStart) + length);
}
