import type { Role } from '../access/roles';
import { DomainError } from '../shared/domain-error';
import { refuseInactiveUser } from '../users/refuse-inactive-user';
import type { LocalDate } from '../time/studio-week';
import { cohortDayOn, type CohortSchedule } from './cohort-calendar';
import type { CohortStatus } from './cohort-status';

export interface EnrolmentState {
  cohort: CohortSchedule & { id: string; name: string; status: CohortStatus; capacity: number | null };
  today: LocalDate;
  /** Members currently holding a place (ACTIVE or PAUSED). */
  currentMembers: number;
  client: { name: string; role: Role; active: boolean } | null;
  /** The client's current (ACTIVE or PAUSED) membership anywhere, if any. */
  currentMembership: { cohortId: string; cohortName: string } | null;
}

/**
 * May this client join this cohort now? A client is in at most one current cohort (the database
 * enforces it too, for races); a cohort that starts later is refused while another one runs.
 */
export function decideEnrolment(state: EnrolmentState): 'ENROL' | DomainError {
  const { cohort, client } = state;
  if (!client) return new DomainError('USER_NOT_FOUND', 'No such client');
  const inactive = refuseInactiveUser(client);
  if (inactive) return inactive;
  if (client.role !== 'CLIENT')
    return new DomainError('NOT_A_CLIENT', `${client.name} is not a client; only clients join cohorts`);
  if (cohort.status === 'DRAFT')
    return new DomainError('COHORT_NOT_ENROLLING', `Publish ${cohort.name} before enrolling clients`);
  if (cohort.status !== 'ACTIVE' || cohortDayOn(cohort, state.today).phase === 'ENDED') {
    return new DomainError('COHORT_NOT_ENROLLING', `${cohort.name} has finished; it takes no new members`);
  }
  if (state.currentMembership?.cohortId === cohort.id) {
    return new DomainError('COHORT_CONFLICT', `${client.name} is already in ${cohort.name}`);
  }
  if (state.currentMembership) {
    return new DomainError(
      'COHORT_CONFLICT',
      `${client.name} is already in the cohort "${state.currentMembership.cohortName}"; withdraw them from it first`,
    );
  }
  if (cohort.capacity !== null && state.currentMembers >= cohort.capacity) {
    return new DomainError('COHORT_FULL', `${cohort.name} is full (${cohort.capacity} members)`);
  }
  return 'ENROL';
}
