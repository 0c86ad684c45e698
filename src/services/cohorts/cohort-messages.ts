import { format } from 'date-fns';
import type { PromptInForce } from '../../domain/cohorts/prompts';
import type { LocalDate } from '../../domain/time/studio-week';

/** Where the client's cohort screens live in the web app. */
export const MY_COHORT_LINK = '/cohort';
export const myQuestionnaireLink = (week: number) => `/cohort/questionnaire/${week}`;

/** "Mon 23 Mar 2026" for a studio-local date. */
export const readableDate = (date: LocalDate) => format(new Date(`${date}T12:00:00Z`), 'EEE d MMM yyyy');

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The welcome a client gets on enrolment: the dates and what is expected of them. */
export function welcomeMessage(input: {
  cohortName: string;
  startDate: LocalDate;
  endDate: LocalDate | null;
  weeks: number | null;
  cadenceDays: number;
  prompts: readonly PromptInForce[];
  opensDaysBeforeWeekEnd: number;
}) {
  const dates = input.endDate
    ? `It runs from ${readableDate(input.startDate)} to ${readableDate(input.endDate)} (${input.weeks} weeks).`
    : `It starts on ${readableDate(input.startDate)} and runs for as long as you are coached.`;
  const cadence = input.cadenceDays === 1 ? 'Every day' : `Every ${input.cadenceDays} days`;
  const required = input.prompts.filter((p) => p.required).map((p) => p.label.toLowerCase());
  const asked = input.prompts.map((p) => p.label.toLowerCase());
  const checkIn = asked.length
    ? `${cadence}, check in with your ${list(asked)}${required.length ? ` (${list(required)} required)` : ''}.`
    : `${cadence}, check in with how you are doing.`;
  const questionnaire =
    input.opensDaysBeforeWeekEnd === 1
      ? 'On the last day of each week a short questionnaire opens; answer it within two days and your coach replies with feedback.'
      : `${input.opensDaysBeforeWeekEnd} days before each week ends a short questionnaire opens; answer it by the second day of the next week and your coach replies with feedback.`;
  return { title: `Welcome to ${input.cohortName}`, body: `${dates} ${checkIn} ${questionnaire}` };
}
