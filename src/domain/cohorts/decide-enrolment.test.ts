import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { decideEnrolment, type EnrolmentState } from './decide-enrolment';

const state: EnrolmentState = {
  cohort: {
    id: 'c1',
    name: 'Spring Transformation',
    status: 'ACTIVE',
    startDate: '2026-03-23',
    weeks: 8,
    capacity: 10,
  },
  today: '2026-03-20',
  currentMembers: 3,
  client: { name: 'Sam', role: 'CLIENT', active: true },
  currentMembership: null,
};
const code = (r: unknown) => (r as DomainError).code;

describe('decideEnrolment', () => {
  it('enrols a free client into an open cohort, before or after it starts', () => {
    expect(decideEnrolment(state)).toBe('ENROL');
    expect(decideEnrolment({ ...state, today: '2026-04-10' })).toBe('ENROL');
  });

  it('refuses a client already in another cohort, naming it — also when this one starts later', () => {
    const r = decideEnrolment({ ...state, currentMembership: { cohortId: 'c0', cohortName: 'Winter Reset' } });
    expect(code(r)).toBe('COHORT_CONFLICT');
    expect((r as DomainError).message).toContain('Winter Reset');
    expect(
      code(decideEnrolment({ ...state, currentMembership: { cohortId: 'c1', cohortName: 'Spring Transformation' } })),
    ).toBe('COHORT_CONFLICT');
  });

  it('refuses a full, draft or finished cohort, and non-clients', () => {
    expect(code(decideEnrolment({ ...state, currentMembers: 10 }))).toBe('COHORT_FULL');
    expect(code(decideEnrolment({ ...state, cohort: { ...state.cohort, status: 'DRAFT' } }))).toBe(
      'COHORT_NOT_ENROLLING',
    );
    expect(code(decideEnrolment({ ...state, cohort: { ...state.cohort, status: 'COMPLETED' } }))).toBe(
      'COHORT_NOT_ENROLLING',
    );
    expect(code(decideEnrolment({ ...state, today: '2026-05-18' }))).toBe('COHORT_NOT_ENROLLING');
    expect(code(decideEnrolment({ ...state, client: { name: 'Gav', role: 'COACH', active: true } }))).toBe(
      'NOT_A_CLIENT',
    );
    expect(code(decideEnrolment({ ...state, client: null }))).toBe('USER_NOT_FOUND');
  });

  it('never lets members exceed capacity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 60 }), (capacity, members) => {
        const r = decideEnrolment({ ...state, cohort: { ...state.cohort, capacity }, currentMembers: members });
        expect(r === 'ENROL').toBe(members < capacity);
      }),
    );
  });
});
