import type { Actor, Role } from '../access/roles';
import { DomainError } from '../shared/domain-error';

export interface CoachCandidate {
  id: string;
  name: string;
  role: Role;
  active: boolean;
}

/**
 * A cohort's coaches: at least one, each an active coach or admin, one of them the lead
 * (the first listed unless named). A coach setting up a team keeps themselves on it, or they
 * would lock themselves out of the cohort.
 */
export function checkCoachTeam(
  actor: Actor,
  coachIds: readonly string[],
  leadCoachId: string | undefined,
  candidates: ReadonlyMap<string, CoachCandidate>,
): { coachIds: string[]; leadCoachId: string } | DomainError {
  const ids = [...new Set(coachIds)];
  if (ids.length === 0)
    return new DomainError('VALIDATION_ERROR', 'coachIds: a cohort needs at least one coach', { field: 'coachIds' });
  for (const id of ids) {
    const c = candidates.get(id);
    if (!c || !c.active)
      return new DomainError('NOT_A_COACH', `coachIds: there is no active user ${id}`, { field: 'coachIds' });
    if (c.role !== 'COACH' && c.role !== 'ADMIN')
      return new DomainError('NOT_A_COACH', `${c.name} is not a coach`, { field: 'coachIds' });
  }
  const lead = leadCoachId ?? ids[0]!;
  if (!ids.includes(lead)) {
    return new DomainError('VALIDATION_ERROR', 'leadCoachId: the lead coach must be one of the coaches', {
      field: 'leadCoachId',
    });
  }
  if (actor.role === 'COACH' && !ids.includes(actor.id)) {
    return new DomainError(
      'VALIDATION_ERROR',
      'coachIds: include yourself, or you could not see this cohort afterwards',
      { field: 'coachIds' },
    );
  }
  return { coachIds: ids, leadCoachId: lead };
}
