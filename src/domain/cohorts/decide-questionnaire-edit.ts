import { DomainError } from '../shared/domain-error';
import type { CohortSchedule } from './cohort-calendar';
import { checkWeekInRange } from './check-week-in-range';

/**
 * Coaches set a week's questions until the first client submits that week: after that the
 * questions are part of what the client answered and stay as they were (409).
 */
export function decideQuestionnaireEdit(
  schedule: CohortSchedule,
  week: number,
  submittedResponses: number,
): 'EDIT' | DomainError {
  const outOfRange = checkWeekInRange(schedule, week);
  if (outOfRange) return outOfRange;
  if (submittedResponses > 0) {
    return new DomainError(
      'QUESTIONNAIRE_HAS_RESPONSES',
      `${submittedResponses} client${submittedResponses === 1 ? ' has' : 's have'} already submitted week ${week}; its questions can no longer change`,
    );
  }
  return 'EDIT';
}
