import { localDaysBetween, type LocalDate } from '../time/studio-week';
import { utcToWallClock, type LocalTime } from '../time/wall-clock';
import { cohortDayAt, type CohortSchedule } from './cohort-calendar';
import type { QuestionnaireWindow } from './questionnaire-window';

/** Questionnaire reminders go out from this local time (a morning nudge leaves the day to answer). */
export const QUESTIONNAIRE_REMINDER_TIME: LocalTime = '09:00';

/**
 * Whether a member should get today's check-in reminder: the cohort is running, the studio
 * clock has passed the cohort's reminder time, they have not checked in today, and by their
 * cadence a check-in is due (every 2 days: not the day after one).
 */
export function checkInReminderDue(input: {
  schedule: CohortSchedule;
  now: Date;
  timeZone: string;
  reminderTime: LocalTime;
  cadenceDays: number;
  lastCheckInDate: LocalDate | null;
}): { due: boolean; today: LocalDate } {
  const day = cohortDayAt(input.schedule, input.now, input.timeZone);
  const today = day.date;
  if (day.phase !== 'RUNNING') return { due: false, today };
  if (utcToWallClock(input.now, input.timeZone).time < input.reminderTime) return { due: false, today };
  if (input.lastCheckInDate === null) return { due: true, today };
  return { due: localDaysBetween(input.lastCheckInDate, today) >= input.cadenceDays, today };
}

export type QuestionnaireReminder = 'OPENED' | 'LAST_DAY';

/**
 * A questionnaire reminder on the day a week's questionnaire opens and on its last open day,
 * from QUESTIONNAIRE_REMINDER_TIME, unless already submitted. When both fall on one day the
 * last-day one wins.
 */
export function questionnaireReminderDue(
  window: QuestionnaireWindow,
  now: Date,
  timeZone: string,
  submitted: boolean,
): QuestionnaireReminder | null {
  if (submitted || now < window.opensAt || now >= window.closesAt) return null;
  const clock = utcToWallClock(now, timeZone);
  if (clock.time < QUESTIONNAIRE_REMINDER_TIME) return null;
  if (clock.date === window.lastOpenDay) return 'LAST_DAY';
  if (clock.date === window.opensOn) return 'OPENED';
  return null;
}
