import { addLocalDays, type LocalDate } from '../time/studio-week';

/** `date` plus `months` calendar months, kept within the month (31 Jan + 1 month → 28 or 29 Feb). */
export function addLocalMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The day a monthly plan's minimum commitment is over: its start plus the plan's months (null: none). */
export function commitmentEndsOn(startDate: LocalDate, commitmentMonths: number | null): LocalDate | null {
  return commitmentMonths ? addLocalMonths(startDate, commitmentMonths) : null;
}

/**
 * Whether a membership whose last day is `lastDay` stops before its commitment is over (the
 * commitment ends on `endsOn`, so a last day of the day before fulfils it): the studio is owed
 * payments the provider will no longer take.
 */
export function endsWithinCommitment(lastDay: LocalDate, endsOn: LocalDate | null): boolean {
  return endsOn !== null && addLocalDays(lastDay, 1) < endsOn;
}
