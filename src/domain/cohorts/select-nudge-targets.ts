import { DomainError } from '../shared/domain-error';
import { addLocalDays, type LocalDate } from '../time/studio-week';

export interface NudgeCandidate {
  userId: string;
  /** Holds a current place in the cohort (ACTIVE). Paused, finished or withdrawn members are not nudged. */
  active: boolean;
  lastCheckInDate: LocalDate | null;
}

export type NudgeRequest = { userIds: string[] } | { notCheckedInForDays: number };

export type NudgeSkipReason = 'NOT_AN_ACTIVE_MEMBER' | 'ALREADY_NUDGED_TODAY';

/**
 * Who a nudge goes to: the named clients (those not active in the cohort are skipped), or every
 * active member with no check-in during the last N days, today included.
 */
export function selectNudgeTargets(
  candidates: readonly NudgeCandidate[],
  request: NudgeRequest,
  today: LocalDate,
): { targets: string[]; skipped: Array<{ userId: string; reason: NudgeSkipReason }> } | DomainError {
  if ('userIds' in request) {
    const byId = new Map(candidates.map((c) => [c.userId, c]));
    const ids = [...new Set(request.userIds)];
    return {
      targets: ids.filter((id) => byId.get(id)?.active),
      skipped: ids
        .filter((id) => !byId.get(id)?.active)
        .map((userId) => ({ userId, reason: 'NOT_AN_ACTIVE_MEMBER' as const })),
    };
  }
  if (!Number.isInteger(request.notCheckedInForDays) || request.notCheckedInForDays < 1) {
    return new DomainError('VALIDATION_ERROR', 'notCheckedInForDays: give a whole number of days, at least 1', {
      field: 'notCheckedInForDays',
    });
  }
  const since = addLocalDays(today, 1 - request.notCheckedInForDays);
  return {
    targets: candidates
      .filter((c) => c.active && (c.lastCheckInDate === null || c.lastCheckInDate < since))
      .map((c) => c.userId),
    skipped: [],
  };
}
