import { DomainError } from '../shared/domain-error';
import type { CohortSchedule } from './cohort-calendar';

/** Open-ended cohorts still stop somewhere: ten years of weeks. */
export const MAX_OPEN_ENDED_WEEK = 520;

/** A week number a cohort has (1…weeks), or WEEK_OUT_OF_RANGE. */
export function checkWeekInRange(schedule: CohortSchedule, week: number): DomainError | null {
  const last = schedule.weeks ?? MAX_OPEN_ENDED_WEEK;
  if (!Number.isInteger(week) || week < 1 || week > last) {
    return new DomainError(
      'WEEK_OUT_OF_RANGE',
      schedule.weeks === null
        ? `There is no week ${week}`
        : `This cohort has weeks 1 to ${last}; there is no week ${week}`,
    );
  }
  return null;
}
