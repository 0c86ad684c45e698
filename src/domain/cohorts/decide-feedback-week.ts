import { DomainError } from '../shared/domain-error';
import type { LocalDate } from '../time/studio-week';
import { cohortDayOn, type CohortSchedule } from './cohort-calendar';
import { checkWeekInRange } from './check-week-in-range';

/** Feedback is about a week that has begun (any week, once the cohort has ended). */
export function decideFeedbackWeek(schedule: CohortSchedule, week: number, today: LocalDate): 'WRITE' | DomainError {
  const outOfRange = checkWeekInRange(schedule, week);
  if (outOfRange) return outOfRange;
  const day = cohortDayOn(schedule, today);
  const latest = day.phase === 'ENDED' ? schedule.weeks! : (day.week ?? 0);
  if (week > latest) return new DomainError('WEEK_NOT_STARTED', `Week ${week} has not started yet`);
  return 'WRITE';
}
