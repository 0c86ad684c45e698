import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { decideCohortChange, type CohortShape } from './decide-cohort-change';

const cohort: CohortShape = {
  name: 'Spring',
  status: 'ACTIVE',
  startDate: '2026-03-23',
  weeks: 6,
  capacity: 12,
  checkInCadenceDays: 1,
  checkInBackfillDays: 2,
  questionnaireOpensDaysBeforeWeekEnd: 1,
  checkInReminderTime: '19:00',
};
const code = (r: unknown) => (r instanceof DomainError ? r.code : 'OK');
const before = { today: '2026-03-20', currentMembers: 5 };
const during = { today: '2026-04-14', currentMembers: 5 }; // week 4

describe('decideCohortChange', () => {
  it('moves status only along DRAFT → ACTIVE → COMPLETED → ARCHIVED', () => {
    expect(code(decideCohortChange({ ...cohort, status: 'DRAFT' }, { status: 'ACTIVE' }, before))).toBe('OK');
    expect(code(decideCohortChange(cohort, { status: 'COMPLETED' }, during))).toBe('OK');
    expect(code(decideCohortChange(cohort, { status: 'DRAFT' }, during))).toBe('INVALID_COHORT_TRANSITION');
    expect(code(decideCohortChange(cohort, { status: 'ARCHIVED' }, during))).toBe('INVALID_COHORT_TRANSITION');
    expect(
      code(decideCohortChange({ ...cohort, status: 'COMPLETED' }, { status: 'ARCHIVED', name: 'Spring 2026' }, during)),
    ).toBe('OK');
  });

  it('fixes the start date once week 1 has begun', () => {
    expect(code(decideCohortChange(cohort, { startDate: '2026-03-30' }, before))).toBe('OK');
    expect(code(decideCohortChange(cohort, { startDate: '2026-03-30' }, during))).toBe('COHORT_ALREADY_STARTED');
  });

  it('does not shorten a running cohort to before the current week', () => {
    expect(code(decideCohortChange(cohort, { weeks: 4 }, during))).toBe('OK');
    const r = decideCohortChange(cohort, { weeks: 3 }, during);
    expect(code(r)).toBe('INVALID_COHORT_LENGTH');
    expect((r as DomainError).message).toContain('week 4');
    expect(code(decideCohortChange(cohort, { weeks: null }, during))).toBe('OK');
  });

  it('keeps capacity at or above the members already in', () => {
    expect(code(decideCohortChange(cohort, { capacity: 5 }, during))).toBe('OK');
    expect(code(decideCohortChange(cohort, { capacity: 4 }, during))).toBe('CAPACITY_BELOW_MEMBERS');
    expect(code(decideCohortChange(cohort, { capacity: null }, during))).toBe('OK');
  });

  it('lets a finished cohort change only its name and status', () => {
    const done = { ...cohort, status: 'COMPLETED' as const };
    expect(code(decideCohortChange(done, { checkInBackfillDays: 3 }, during))).toBe('COHORT_FINISHED');
    expect(code(decideCohortChange(done, { checkInBackfillDays: 2, name: 'x' }, during))).toBe('OK');
  });
});
