/**
 * Every date a person can send must fall within DATE_WINDOW_YEARS of today. Nothing a studio does
 * needs more, and the bound stops the two ways a far date hurts: year 1 or 9999 overflows date
 * maths (a 500), and an open-ended span from year 1 makes the server build millions of days.
 *
 * Schemas are isomorphic and have no app clock, so "today" is the machine's date at validation
 * time (docs/decisions/0012-input-bounds.md); services that build lists from a range check it
 * again against the app's clock (`resolveRange`), which tests move.
 */
export const DATE_WINDOW_YEARS = 5;

const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

export function isWithinDateWindow(date: Date | string, now: Date = new Date()): boolean {
  const time = typeof date === 'string' ? Date.parse(`${date}T00:00:00Z`) : date.getTime();
  if (Number.isNaN(time)) return false;
  return Math.abs(time - now.getTime()) <= DATE_WINDOW_YEARS * YEAR_MS + 24 * 60 * 60 * 1000;
}

export const dateWindowMessage = (label: string) => `${label} must be within ${DATE_WINDOW_YEARS} years of today`;
