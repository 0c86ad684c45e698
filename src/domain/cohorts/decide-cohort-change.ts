import { DomainError } from '../shared/domain-error';
import type { LocalDate } from '../time/studio-week';
import { cohortDayOn, cohortEndDate } from './cohort-calendar';
import type { CohortStatus } from './cohort-status';

export interface CohortShape {
  name: string;
  status: CohortStatus;
  startDate: LocalDate;
  weeks: number | null;
  capacity: number | null;
  checkInCadenceDays: number;
  checkInBackfillDays: number;
  questionnaireOpensDaysBeforeWeekEnd: number;
  checkInReminderTime: string;
}

export type CohortChange = Partial<CohortShape>;

const ALLOWED_TRANSITIONS: Record<CohortStatus, readonly CohortStatus[]> = {
  DRAFT: ['ACTIVE', 'ARCHIVED'],
  ACTIVE: ['COMPLETED'],
  COMPLETED: ['ARCHIVED'],
  ARCHIVED: ['COMPLETED'],
};

/** What may still change once a cohort has finished. */
const EDITABLE_WHEN_FINISHED: ReadonlySet<keyof CohortShape> = new Set(['name', 'status']);

/**
 * A coach or admin edits a cohort. Status moves DRAFT → ACTIVE → COMPLETED → ARCHIVED (a draft may
 * be archived, an archived cohort restored); the start date is fixed once week 1 has begun (week
 * numbers of check-ins and questionnaires hang on it); a running cohort cannot be shortened to
 * before the current week; capacity cannot drop below the members already in.
 */
export function decideCohortChange(
  current: CohortShape,
  change: CohortChange,
  context: { today: LocalDate; currentMembers: number },
): CohortShape | DomainError {
  const next: CohortShape = { ...current, ...stripUndefined(change) };
  if (next.status !== current.status && !ALLOWED_TRANSITIONS[current.status].includes(next.status)) {
    return new DomainError(
      'INVALID_COHORT_TRANSITION',
      `A ${current.status.toLowerCase()} cohort cannot become ${next.status.toLowerCase()}`,
    );
  }
  const finished = current.status === 'COMPLETED' || current.status === 'ARCHIVED';
  if (finished) {
    const blocked = (Object.keys(stripUndefined(change)) as Array<keyof CohortShape>).find(
      (k) => !EDITABLE_WHEN_FINISHED.has(k) && change[k] !== current[k],
    );
    if (blocked)
      return new DomainError(
        'COHORT_FINISHED',
        `This cohort has finished: only its name and status can change (not ${blocked})`,
      );
    return next;
  }
  const started = cohortDayOn(current, context.today).phase !== 'UPCOMING';
  if (next.startDate !== current.startDate && started) {
    return new DomainError(
      'COHORT_ALREADY_STARTED',
      `The cohort started on ${current.startDate}; its start date can no longer change`,
    );
  }
  if (next.weeks !== current.weeks && next.weeks !== null && started) {
    const endDate = cohortEndDate(next.startDate, next.weeks)!;
    if (endDate < context.today) {
      const week = cohortDayOn({ startDate: next.startDate, weeks: null }, context.today).week!;
      return new DomainError(
        'INVALID_COHORT_LENGTH',
        `The cohort is in week ${week}; it cannot be shorter than ${week} weeks`,
      );
    }
  }
  if (next.capacity !== null && next.capacity < context.currentMembers) {
    return new DomainError(
      'CAPACITY_BELOW_MEMBERS',
      `${context.currentMembers} clients are already in; capacity cannot be lower`,
    );
  }
  return next;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
