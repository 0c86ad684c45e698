import type { CohortPhase, CohortStatus, MembershipStatus } from './types';
import { weekOf } from './format';

export const COHORT_STATUS_LABELS: Record<CohortStatus, string> = {
  DRAFT: 'Draft',
  ACTIVE: 'Active',
  COMPLETED: 'Completed',
  ARCHIVED: 'Archived',
};
export const COHORT_STATUS_TONES = {
  DRAFT: 'neutral',
  ACTIVE: 'success',
  COMPLETED: 'info',
  ARCHIVED: 'neutral',
} as const satisfies Record<CohortStatus, string>;

export const MEMBER_STATUS_LABELS: Record<MembershipStatus, string> = {
  ACTIVE: 'Active',
  PAUSED: 'Paused',
  COMPLETED: 'Completed',
  WITHDRAWN: 'Withdrawn',
};

/** "Week 3 of 6", "Starts soon", "Finished" — from the server's phase and week. */
export function cohortProgress(c: { phase: CohortPhase; currentWeek: number | null; weeks: number | null }): string {
  if (c.phase === 'UPCOMING') return 'Not started';
  if (c.phase === 'ENDED') return 'Finished';
  return c.currentWeek ? weekOf(c.currentWeek, c.weeks) : '';
}

/** "Gav Cunningham (lead), Clare Cuming". */
export const coachNames = (coaches: Array<{ name: string; isLead: boolean }>) =>
  coaches.map((c) => (c.isLead && coaches.length > 1 ? `${c.name} (lead)` : c.name)).join(', ');
