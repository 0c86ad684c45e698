import type { Actor } from '../access/roles';
import { DomainError } from '../shared/domain-error';

/**
 * Resource rule on top of the `cohorts.coach` permission: an admin works on every cohort, a
 * coach only on the cohorts they coach.
 */
export function mayCoachCohort(actor: Actor, coachIds: readonly string[]): boolean {
  return actor.role === 'ADMIN' || (actor.role === 'COACH' && coachIds.includes(actor.id));
}

export function requireCohortCoach(actor: Actor, coachIds: readonly string[]): void {
  if (!mayCoachCohort(actor, coachIds)) throw new DomainError('FORBIDDEN', 'You do not coach this cohort');
}
