import { describe, expect, it } from 'vitest';
import {
  changesOf,
  cohortForm,
  createBodyOf,
  initialState,
  lengthOf,
  type CohortFormValues,
} from './cohort-form-values';

const me = { id: 'coach-1' };
const filled = (patch: Partial<CohortFormValues> = {}): CohortFormValues => ({
  ...initialState(undefined, me),
  name: 'Spring 6-Week Challenge',
  startDate: '2026-03-02',
  ...patch,
});

describe('the cohort form values', () => {
  it('asks the length as 6, 8, another number of weeks or open-ended', () => {
    expect([lengthOf(6), lengthOf(8), lengthOf(10), lengthOf(null)]).toEqual([
      { length: '6', weeks: null },
      { length: '8', weeks: null },
      { length: 'custom', weeks: 10 },
      { length: 'open', weeks: null },
    ]);
  });

  it('wants a number of weeks only when the length is another number', () => {
    expect(cohortForm.safeParse(filled({ length: 'custom', weeks: null })).error?.issues[0]?.path).toEqual(['weeks']);
    expect(cohortForm.safeParse(filled({ length: '8', weeks: null })).success).toBe(true);
  });

  it('sends the chosen length as weeks and leaves blank numbers to the server', () => {
    const entered = cohortForm.parse(filled({ length: 'custom', weeks: 10, checkInCadenceDays: null }));
    const body = createBodyOf(entered, []);
    expect(body).toMatchObject({ name: 'Spring 6-Week Challenge', weeks: 10, coachIds: ['coach-1'] });
    expect(body.checkInCadenceDays).toBeUndefined();
    expect(createBodyOf(cohortForm.parse(filled({ length: 'open' })), []).weeks).toBeNull();
  });

  it('sends only what changed when editing, and the coaches with their lead together', () => {
    const before = createBodyOf(cohortForm.parse(filled()), []);
    expect(changesOf(before, before)).toEqual({});
    expect(changesOf({ ...before, name: 'Summer' }, before)).toEqual({ name: 'Summer' });
    expect(changesOf({ ...before, leadCoachId: 'coach-2', coachIds: ['coach-1', 'coach-2'] }, before)).toEqual({
      coachIds: ['coach-1', 'coach-2'],
      leadCoachId: 'coach-2',
    });
  });
});
