import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusForCode } from '../../src/server/error-status';
import { as, createTestApp, createUser, type TestApp } from '../support/test-app';
import { createCast, createCohort, enrol, ok, type Cast } from './cohort-test-kit';

/*
 * Every error code of the cohorts API, reached through the API, with its status from the one
 * code table and a body of { error: { code, message } }. Time: a 6-week cohort from Mon 2 March
 * 2026; "now" moves as each case needs.
 */
const COHORT_ERROR_CODES = [
  'COHORT_NOT_FOUND',
  'COHORT_TYPE_NOT_FOUND',
  'NOT_IN_COHORT',
  'COHORT_CONFLICT',
  'COHORT_FULL',
  'CHECK_IN_WINDOW_CLOSED',
  'QUESTIONNAIRE_NOT_OPEN',
  'QUESTIONNAIRE_LOCKED',
  'QUESTIONNAIRE_HAS_RESPONSES',
  'QUESTIONNAIRE_CLOSED',
  'FEATURE_DISABLED',
  'VALIDATION_ERROR',
  'COHORT_TYPE_EXISTS',
  'COHORT_NOT_ENROLLING',
  'COHORT_FINISHED',
  'COHORT_ALREADY_STARTED',
  'INVALID_COHORT_TRANSITION',
  'INVALID_COHORT_LENGTH',
  'CAPACITY_BELOW_MEMBERS',
  'NOT_A_COACH',
  'NOT_A_CLIENT',
  'WEEK_OUT_OF_RANGE',
  'WEEK_NOT_STARTED',
  'USER_NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
] as const;

let t: TestApp;
let p: Cast;
let cohortId: string;
const reached = new Map<string, number>();

async function expectCode(
  response: Promise<import('fastify').LightMyRequestResponse>,
  code: (typeof COHORT_ERROR_CODES)[number],
  messagePart?: string | RegExp,
) {
  const r = await response;
  const body = r.json() as { error?: { code: string; message: string; fields?: unknown } };
  expect(body.error?.code, r.body).toBe(code);
  expect(r.statusCode).toBe(statusForCode(code));
  const { fields, ...error } = body.error ?? {};
  expect({ error }).toEqual({ error: { code, message: expect.any(String) } });
  // A field-level problem also names its field, so a form can show the message under it.
  if (fields !== undefined) expect(fields).toContainEqual({ path: expect.any(String), message: expect.any(String) });
  if (messagePart) expect(body.error!.message).toMatch(messagePart);
  reached.set(code, r.statusCode);
  return body.error!.message;
}

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-02-25T10:00:00Z') });
  p = await createCast(t);
  cohortId = (
    await createCohort(t, p.coach, {
      name: 'March Challenge',
      startDate: '2026-03-02',
      weeks: 6,
      capacity: 2,
      prompts: [{ key: 'weight', required: true }, { key: 'energy' }],
    })
  ).id;
  await enrol(t, p.coach, cohortId, p.client);
});
afterAll(async () => t.close());

describe('cohorts API errors', () => {
  it('404s: unknown cohort, cohort type, member, user; and a client in no cohort', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await expectCode(as(t.app, p.admin).get(`/api/cohorts/${missing}`), 'COHORT_NOT_FOUND');
    await expectCode(
      as(t.app, p.coach).post('/api/cohorts', {
        name: 'X',
        typeId: missing,
        startDate: '2026-03-02',
        coachIds: [p.coach.id],
      }),
      'COHORT_TYPE_NOT_FOUND',
    );
    await expectCode(as(t.app, p.coach).get(`/api/cohorts/${cohortId}/members/${p.otherClient.id}`), 'NOT_IN_COHORT');
    await expectCode(as(t.app, p.otherClient).get('/api/me/cohort'), 'NOT_IN_COHORT');
    await expectCode(as(t.app, p.otherClient).get('/api/me/questionnaires/1'), 'NOT_IN_COHORT');
    await expectCode(
      as(t.app, p.coach).post(`/api/cohorts/${cohortId}/members`, { userId: 'no-such-user' }),
      'USER_NOT_FOUND',
    );
  });

  it('401 and 403', async () => {
    await expectCode(as(t.app, null).get('/api/me/cohort'), 'UNAUTHENTICATED');
    await expectCode(as(t.app, p.client).get('/api/cohorts'), 'FORBIDDEN');
    await expectCode(
      as(t.app, p.otherCoach).get(`/api/cohorts/${cohortId}`),
      'FORBIDDEN',
      'You do not coach this cohort',
    );
  });

  it('400 VALIDATION_ERROR naming the field', async () => {
    await expectCode(
      as(t.app, p.coach).post('/api/cohorts', { name: 'X', startDate: '2026-02-30', weeks: 6, coachIds: [p.coach.id] }),
      'VALIDATION_ERROR',
      /^Start date: /,
    );
    await expectCode(
      as(t.app, p.coach).post('/api/cohorts', {
        name: 'X',
        startDate: '2026-03-02',
        weeks: 60,
        coachIds: [p.coach.id],
      }),
      'VALIDATION_ERROR',
      /weeks/i,
    );
    await expectCode(
      as(t.app, p.coach).post('/api/cohorts', { name: 'X', startDate: '2026-03-02', coachIds: [p.coach.id] }),
      'VALIDATION_ERROR',
      /weeks/i,
    );
    await expectCode(
      as(t.app, p.coach).post('/api/cohorts', {
        name: 'X',
        startDate: '2026-03-02',
        weeks: 6,
        coachIds: [p.otherCoach.id],
      }),
      'VALIDATION_ERROR',
      /^Include yourself/,
    );
    await expectCode(
      as(t.app, p.coach).post('/api/cohorts', {
        name: 'X',
        startDate: '2026-03-02',
        weeks: 6,
        coachIds: [p.coach.id],
        prompts: [{ key: 'weight' }, { key: 'mood' }],
      }),
      'VALIDATION_ERROR',
      /^There is no check-in prompt "mood"/,
    );
    t.clock.set('2026-03-03T10:00:00Z');
    await expectCode(
      as(t.app, p.client).put('/api/me/check-ins/2026-03-03', { values: { weight: -5 } }),
      'VALIDATION_ERROR',
      /^Weight must be between 20 and 400 kg/,
    );
    await expectCode(
      as(t.app, p.client).put('/api/me/check-ins/2026-03-03', { values: { weight: 900 } }),
      'VALIDATION_ERROR',
      /^Weight/,
    );
    await expectCode(
      as(t.app, p.client).put('/api/me/check-ins/2026-03-03', { values: { energy: 5 } }),
      'VALIDATION_ERROR',
      /^Weight is required/,
    );
    await expectCode(
      as(t.app, p.client).put('/api/me/check-ins/2026-03-3', { values: { weight: 80 } }),
      'VALIDATION_ERROR',
      /^Date: /,
    );
    await expectCode(
      as(t.app, p.coach).post(`/api/cohorts/${cohortId}/nudges`, { userIds: [p.client.id], notCheckedInForDays: 2 }),
      'VALIDATION_ERROR',
    );
    await expectCode(
      as(t.app, p.coach).put(`/api/cohorts/${cohortId}/members/${p.client.id}/feedback/1`, {
        message: 'x',
        videoUrl: 'javascript:alert(1)',
      }),
      'VALIDATION_ERROR',
      /^Video URL: use a web link/,
    );
  });

  it('says what is wrong with a field in plain words, not the schema library’s', async () => {
    const base = { name: 'X', startDate: '2026-03-02', weeks: 6, coachIds: [p.coach.id] };
    const say = async (response: Promise<import('fastify').LightMyRequestResponse>) =>
      expectCode(response, 'VALIDATION_ERROR');
    expect(await say(as(t.app, p.coach).post('/api/cohorts', { ...base, weeks: 60 }))).toBe(
      'Length in weeks must be a whole number from 1 to 52',
    );
    expect(await say(as(t.app, p.coach).post('/api/cohorts', { ...base, capacity: 2.5 }))).toBe(
      'Capacity must be a whole number from 1 to 500',
    );
    expect(await say(as(t.app, p.coach).post('/api/cohorts', { ...base, checkInCadenceDays: 15 }))).toBe(
      'Check-in every (days) must be a whole number from 1 to 14',
    );
    expect(await say(as(t.app, p.coach).post('/api/cohorts', { ...base, name: '  ' }))).toBe('Name cannot be empty');
    expect(await say(as(t.app, p.coach).post('/api/cohorts', { ...base, coachIds: [] }))).toBe(
      'Choose at least one coach',
    );
    expect(await say(as(t.app, p.coach).post('/api/cohorts', { ...base, status: 'LIVE' }))).toBe(
      'Status must be one of: DRAFT, ACTIVE',
    );
    expect(
      await say(
        as(t.app, p.coach).put(`/api/cohorts/${cohortId}/questionnaires/9`, {
          questions: [{ kind: 'single-choice', label: 'Pick', options: ['a'] }],
        }),
      ),
    ).toBe('A single-choice question needs at least 2 options');
    expect(await say(as(t.app, p.coach).get('/api/cohorts?status=OLD'))).toBe(
      'Status must be one of: DRAFT, ACTIVE, COMPLETED, ARCHIVED',
    );
    expect(await say(as(t.app, p.coach).post(`/api/cohorts/${cohortId}/nudges`, { notCheckedInForDays: 90 }))).toBe(
      'Not checked in for (days) must be a whole number from 1 to 60',
    );
    expect(await say(as(t.app, p.client).put('/api/me/check-ins/2026-03-03', { values: { weight: 'heavy' } }))).toBe(
      'Weight must be a number (in kg, in lb, or in stones and pounds)',
    );
    expect(await say(as(t.app, p.client).put('/api/me/check-in-preferences', { weightUnit: 'STONE' }))).toBe(
      'Weight unit must be one of: KG, LB, ST_LB',
    );
  });

  it('check-in window: 422 CHECK_IN_WINDOW_CLOSED for old and future dates', async () => {
    t.clock.set('2026-03-05T10:00:00Z');
    ok(await as(t.app, p.client).put('/api/me/check-ins/2026-03-03', { values: { weight: 80 } }));
    await expectCode(
      as(t.app, p.client).put('/api/me/check-ins/2026-03-02', { values: { weight: 80 } }),
      'CHECK_IN_WINDOW_CLOSED',
      'previous 2 days',
    );
    await expectCode(
      as(t.app, p.client).put('/api/me/check-ins/2026-03-06', { values: { weight: 80 } }),
      'CHECK_IN_WINDOW_CLOSED',
      'future',
    );
  });

  it('enrolment: 409 COHORT_CONFLICT naming the other cohort, 422 COHORT_FULL, NOT_A_CLIENT, COHORT_NOT_ENROLLING', async () => {
    const later = await createCohort(t, p.otherCoach, { name: 'April Reset', startDate: '2026-04-13', weeks: 4 });
    const message = await expectCode(
      as(t.app, p.otherCoach).post(`/api/cohorts/${later.id}/members`, { userId: p.client.id }),
      'COHORT_CONFLICT',
    );
    expect(message).toContain('March Challenge');
    await expectCode(
      as(t.app, p.coach).post(`/api/cohorts/${cohortId}/members`, { userId: p.client.id }),
      'COHORT_CONFLICT',
    );
    await enrol(t, p.coach, cohortId, p.otherClient);
    const third = await createUser(t.app, 'CLIENT');
    await expectCode(as(t.app, p.coach).post(`/api/cohorts/${cohortId}/members`, { userId: third.id }), 'COHORT_FULL');
    await expectCode(
      as(t.app, p.coach).post(`/api/cohorts/${cohortId}/members`, { userId: p.otherCoach.id }),
      'NOT_A_CLIENT',
    );
    const draft = await createCohort(t, p.coach, {
      name: 'Draft one',
      startDate: '2026-05-04',
      weeks: 6,
      status: 'DRAFT',
    });
    await expectCode(
      as(t.app, p.coach).post(`/api/cohorts/${draft.id}/members`, { userId: third.id }),
      'COHORT_NOT_ENROLLING',
      'Publish',
    );
  });

  it('cohort edits: transitions, start date, length, capacity, coaches, finished cohorts', async () => {
    t.clock.set('2026-03-25T10:00:00Z'); // week 4
    await expectCode(
      as(t.app, p.coach).patch(`/api/cohorts/${cohortId}`, { status: 'DRAFT' }),
      'INVALID_COHORT_TRANSITION',
    );
    await expectCode(
      as(t.app, p.coach).patch(`/api/cohorts/${cohortId}`, { startDate: '2026-03-09' }),
      'COHORT_ALREADY_STARTED',
    );
    await expectCode(
      as(t.app, p.coach).patch(`/api/cohorts/${cohortId}`, { weeks: 3 }),
      'INVALID_COHORT_LENGTH',
      'week 4',
    );
    await expectCode(as(t.app, p.coach).patch(`/api/cohorts/${cohortId}`, { capacity: 1 }), 'CAPACITY_BELOW_MEMBERS');
    await expectCode(
      as(t.app, p.coach).patch(`/api/cohorts/${cohortId}`, { coachIds: [p.coach.id, p.client.id] }),
      'NOT_A_COACH',
    );
    const done = await createCohort(t, p.coach, { name: 'Finished', startDate: '2026-01-05', weeks: 1 });
    ok(await as(t.app, p.coach).patch(`/api/cohorts/${done.id}`, { status: 'COMPLETED' }));
    await expectCode(
      as(t.app, p.coach).patch(`/api/cohorts/${done.id}`, { checkInBackfillDays: 5 }),
      'COHORT_FINISHED',
    );
    await expectCode(
      as(t.app, p.coach).post(`/api/cohorts/${done.id}/members`, { userId: (await createUser(t.app)).id }),
      'COHORT_NOT_ENROLLING',
      'finished',
    );
  });

  it('questionnaires: NOT_OPEN, LOCKED, HAS_RESPONSES, CLOSED, WEEK_OUT_OF_RANGE', async () => {
    t.clock.set('2026-03-07T10:00:00Z'); // Saturday of week 1
    await expectCode(as(t.app, p.client).put('/api/me/questionnaires/1', { answers: {} }), 'QUESTIONNAIRE_NOT_OPEN');
    t.clock.set('2026-03-08T10:00:00Z');
    const { questions } = ok(await as(t.app, p.client).get('/api/me/questionnaires/1'));
    const answers = Object.fromEntries(
      questions.map((q: { id: string; kind: string }) => [q.id, q.kind === 'number' ? 5 : 'ok']),
    );
    ok(await as(t.app, p.client).put('/api/me/questionnaires/1', { answers, submit: true }));
    await expectCode(
      as(t.app, p.client).put('/api/me/questionnaires/1', { answers, submit: true }),
      'QUESTIONNAIRE_LOCKED',
    );
    await expectCode(
      as(t.app, p.coach).put(`/api/cohorts/${cohortId}/questionnaires/1`, { questions: [] }),
      'QUESTIONNAIRE_HAS_RESPONSES',
    );
    t.clock.set('2026-03-11T00:30:00Z'); // Wednesday of week 2: week 1 closed for those who did not answer
    await expectCode(
      as(t.app, p.otherClient).put('/api/me/questionnaires/1', { answers: {} }),
      'QUESTIONNAIRE_CLOSED',
      'closed on 2026-03-10',
    );
    expect(ok(await as(t.app, p.otherClient).get('/api/me/questionnaires/1')).status).toBe('MISSED');
    await expectCode(as(t.app, p.client).get('/api/me/questionnaires/7'), 'WEEK_OUT_OF_RANGE');
    await expectCode(
      as(t.app, p.coach).put(`/api/cohorts/${cohortId}/questionnaires/9`, { questions: [] }),
      'WEEK_OUT_OF_RANGE',
    );
  });

  it('feedback for a week that has not started: 422 WEEK_NOT_STARTED', async () => {
    await expectCode(
      as(t.app, p.coach).put(`/api/cohorts/${cohortId}/members/${p.client.id}/feedback/3`, { message: 'Too early' }),
      'WEEK_NOT_STARTED',
    );
  });

  it('cohort types: 409 COHORT_TYPE_EXISTS', async () => {
    await expectCode(
      as(t.app, p.admin).post('/api/cohort-types', { name: '6-week challenge', defaultWeeks: 6 }),
      'COHORT_TYPE_EXISTS',
    );
  });

  it('404 FEATURE_DISABLED while cohorts are off', async () => {
    ok(await as(t.app, p.admin).put('/api/admin/settings/features.cohorts.enabled', { value: false }));
    await expectCode(as(t.app, p.client).get('/api/me/cohort'), 'FEATURE_DISABLED');
    ok(await as(t.app, p.admin).put('/api/admin/settings/features.cohorts.enabled', { value: true }));
  });

  it('reached every cohorts error code', () => {
    expect(COHORT_ERROR_CODES.filter((code) => !reached.has(code))).toEqual([]);
    expect(Object.fromEntries(reached)).toMatchObject({
      COHORT_CONFLICT: 409,
      QUESTIONNAIRE_LOCKED: 409,
      COHORT_FULL: 422,
      NOT_IN_COHORT: 404,
      FEATURE_DISABLED: 404,
      VALIDATION_ERROR: 400,
    });
  });
});
