import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createUser, type TestApp } from '../support/test-app';
import { createCast, createCohort, enrol, expectError, ok, type Cast } from './cohort-test-kit';

/*
 * Setting cohorts up: custom cohort types and prompts, open-ended cohorts, editing coaches,
 * prompts and a week's questions, pausing a member and a per-client cadence.
 */
let t: TestApp;
let p: Cast;

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-06-01T08:00:00Z') }); // a Monday
  p = await createCast(t);
});
afterAll(async () => t.close());

describe('cohort types and custom prompts', () => {
  it('lists the seeded types and the prompt catalogue', async () => {
    const body = ok(await as(t.app, p.coach).get('/api/cohort-types'));
    expect(
      body.cohortTypes.map((c: { name: string; defaultWeeks: number | null }) => [c.name, c.defaultWeeks]),
    ).toEqual([
      ['6-Week Challenge', 6],
      ['8-Week Transformation', 8],
      ['Ongoing Coaching', null],
    ]);
    expect(body.cohortTypes[0].questionnaire.questions.find((q: { id: string }) => q.id === 'days-trained')).toEqual({
      id: 'days-trained',
      kind: 'number',
      label: 'How many days did you train?',
      required: true,
      min: 0,
      max: 7,
    });
    expect(body.promptCatalogue.map((x: { key: string }) => x.key)).toEqual([
      'weight',
      'bodyFat',
      'steps',
      'calories',
      'sleepHours',
      'sleepQuality',
      'energy',
      'stress',
      'water',
      'trainedToday',
      'notes',
    ]);
    expect(body.promptCatalogue.find((x: { key: string }) => x.key === 'stress')).toMatchObject({
      kind: 'scale',
      min: 1,
      max: 10,
      better: 'LOWER',
      builtIn: true,
    });
    expect(body.coaches.map((c: { name: string; role: string }) => [c.name, c.role])).toEqual([
      ['Alex Admin', 'ADMIN'],
      ['Gav Coach', 'COACH'],
      ['Olive Othercoach', 'COACH'],
    ]);
  });

  it('lets an admin add a type with a custom prompt and questionnaire, which cohorts then use', async () => {
    const type = ok(
      await as(t.app, p.admin).post('/api/cohort-types', {
        name: 'Mobility Month',
        description: 'Four weeks of daily mobility',
        defaultWeeks: 4,
        prompts: [
          { key: 'energy', required: true },
          { label: 'Mobility minutes', kind: 'number', unit: 'min', min: 0, max: 300 },
        ],
        questionnaire: {
          intro: 'How did mobility go?',
          questions: [
            {
              id: 'focus',
              kind: 'single-choice',
              label: 'Tightest area',
              options: ['Hips', 'Shoulders', 'Back'],
              required: true,
            },
            { kind: 'scale', label: 'How do you feel?' },
          ],
        },
      }),
      201,
    );
    expect(type.prompts[1].key).toMatch(/^custom-mobility-minutes-[0-9a-f]{6}$/);
    expect(type.questionnaire.questions[1].id).toEqual(expect.any(String));
    const catalogue = ok(await as(t.app, p.coach).get('/api/cohort-types')).promptCatalogue;
    expect(catalogue.find((x: { key: string }) => x.key === type.prompts[1].key)).toMatchObject({
      label: 'Mobility minutes',
      builtIn: false,
      unit: 'min',
    });

    const cohort = await createCohort(t, p.coach, { name: 'June Mobility', typeId: type.id, startDate: '2026-06-01' });
    expect(cohort).toMatchObject({ weeks: 4, endDate: '2026-06-28', type: { id: type.id, name: 'Mobility Month' } });
    expect(cohort.prompts.map((x: { label: string; required: boolean }) => [x.label, x.required])).toEqual([
      ['Energy', true],
      ['Mobility minutes', false],
    ]);
    await enrol(t, p.coach, cohort.id, p.client);
    const key = type.prompts[1].key;
    expectError(
      await as(t.app, p.client).put('/api/me/check-ins/2026-06-01', { values: { energy: 6, [key]: 400 } }),
      400,
      'VALIDATION_ERROR',
    );
    expectError(
      await as(t.app, p.client).put('/api/me/check-ins/2026-06-01', { values: { energy: 6, weight: 80 } }),
      400,
      'VALIDATION_ERROR',
    );
    expect(
      ok(await as(t.app, p.client).put('/api/me/check-ins/2026-06-01', { values: { energy: 6, [key]: 25 } })).values,
    ).toEqual({ energy: 6, [key]: 25 });
    expect(ok(await as(t.app, p.client).get('/api/me/questionnaires/1'))).toMatchObject({
      intro: 'How did mobility go?',
      status: 'NOT_OPEN',
    });
  });
});

describe('editing a cohort', () => {
  it('changes coaches (keeping the lead), prompts and a week’s questions; a client’s draft keeps only answers to current questions', async () => {
    const cohort = await createCohort(t, p.coach, { name: 'Edit me', startDate: '2026-05-25', weeks: 6 });
    const edited = ok(
      await as(t.app, p.coach).patch(`/api/cohorts/${cohort.id}`, {
        coachIds: [p.otherCoach.id, p.coach.id],
        prompts: [{ key: 'steps', required: true }],
      }),
    );
    expect(edited.coaches).toEqual([
      { id: p.coach.id, name: 'Gav Coach', isLead: true },
      { id: p.otherCoach.id, name: 'Olive Othercoach', isLead: false },
    ]);
    expect(edited.prompts.map((x: { key: string }) => x.key)).toEqual(['steps']);
    const lead = ok(await as(t.app, p.otherCoach).patch(`/api/cohorts/${cohort.id}`, { leadCoachId: p.otherCoach.id }));
    expect(lead.coaches[0]).toMatchObject({ id: p.otherCoach.id, isLead: true });

    await enrol(t, p.coach, cohort.id, p.otherClient);
    t.clock.set('2026-06-07T10:00:00Z'); // last day of week 2
    ok(
      await as(t.app, p.otherClient).put('/api/me/questionnaires/2', {
        answers: { wins: 'kept going', 'days-trained': 3 },
      }),
    );
    const week = ok(
      await as(t.app, p.coach).put(`/api/cohorts/${cohort.id}/questionnaires/2`, {
        intro: 'Short one this week',
        questions: [{ id: 'days-trained', kind: 'number', label: 'Days trained', min: 0, max: 7, required: true }],
      }),
    );
    expect(week).toMatchObject({ week: 2, intro: 'Short one this week', questions: [{ id: 'days-trained' }] });
    const mine = ok(await as(t.app, p.otherClient).get('/api/me/questionnaires/2'));
    expect(mine).toMatchObject({ intro: 'Short one this week', answers: { 'days-trained': 3 }, status: 'OPEN' });
    ok(await as(t.app, p.otherClient).put('/api/me/questionnaires/2', { answers: mine.answers, submit: true }));
    const detail = ok(await as(t.app, p.coach).get(`/api/cohorts/${cohort.id}`));
    expect(detail.questionnaires[1]).toMatchObject({
      week: 2,
      intro: 'Short one this week',
      locked: true,
      submittedCount: 1,
    });
    expect(detail.questionnaires[2]).toMatchObject({ week: 3, locked: false });
    expect(detail.questionnaires[2].questions.length).toBeGreaterThan(1); // still the cohort default
  });

  it('runs open-ended cohorts without an end, listing the weeks so far and the next one', async () => {
    t.clock.set('2026-06-20T10:00:00Z');
    const cohort = await createCohort(t, p.coach, {
      name: 'Ongoing',
      startDate: '2026-06-01',
      weeks: null,
      checkInCadenceDays: 2,
    });
    expect(cohort).toMatchObject({
      weeks: null,
      endDate: null,
      phase: 'RUNNING',
      currentWeek: 3,
      checkInCadenceDays: 2,
    });
    expect(cohort.questionnaires.map((w: { week: number }) => w.week)).toEqual([1, 2, 3, 4]);
  });

  it('pauses a member (no place lost, no reminders) and sets their own cadence', async () => {
    const cohort = await createCohort(t, p.otherCoach, { name: 'Pause test', startDate: '2026-06-15', weeks: 6 });
    expectError(
      await as(t.app, p.otherCoach).post(`/api/cohorts/${cohort.id}/members`, { userId: p.admin.id }),
      422,
      'NOT_A_CLIENT',
    );
    const member = await createUser(t.app, 'CLIENT', 'Pia Pause');
    await enrol(t, p.otherCoach, cohort.id, member);
    const paused = ok(
      await as(t.app, p.otherCoach).patch(`/api/cohorts/${cohort.id}/members/${member.id}`, {
        status: 'PAUSED',
        checkInCadenceDays: 3,
      }),
    );
    expect(paused).toMatchObject({ status: 'PAUSED', checkInCadenceDays: 3 });
    const detail = ok(await as(t.app, p.otherCoach).get(`/api/cohorts/${cohort.id}`));
    expect(detail).toMatchObject({
      memberCount: 1,
      members: [{ status: 'PAUSED', checkInCadenceDays: 3, cadenceOverridden: true }],
    });
    expect(ok(await as(t.app, member).get('/api/me/cohort')).membership).toMatchObject({
      status: 'PAUSED',
      checkInCadenceDays: 3,
    });
    const resumed = ok(
      await as(t.app, p.otherCoach).patch(`/api/cohorts/${cohort.id}/members/${member.id}`, {
        status: 'ACTIVE',
        checkInCadenceDays: null,
      }),
    );
    expect(resumed).toMatchObject({ status: 'ACTIVE', checkInCadenceDays: null });
  });
});
