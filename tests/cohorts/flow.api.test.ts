import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestApp } from '../support/test-app';
import { createCast, createCohort, enrol, expectError, ok, typeId, type Cast } from './cohort-test-kit';

/*
 * One cohort through its life over the API: a 6-Week Challenge starting Monday 23 March 2026
 * (Europe/London, clocks change on Sunday 29 March), a client checking in and answering, the
 * coach reviewing, giving feedback and nudging.
 */
let t: TestApp;
let p: Cast;
let cohortId: string;

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-03-20T10:00:00Z') });
  p = await createCast(t);
});
afterAll(async () => t.close());

describe('a cohort from creation to feedback', () => {
  it('creates a cohort from a type, with the type’s length, prompts and questionnaire', async () => {
    const cohort = await createCohort(t, p.coach, {
      name: 'Spring Challenge',
      typeId: await typeId(t, p.coach, '6-Week Challenge'),
      startDate: '2026-03-23',
      coachIds: [p.coach.id, p.otherCoach.id],
      capacity: 12,
    });
    cohortId = cohort.id;
    expect(cohort).toMatchObject({
      name: 'Spring Challenge',
      status: 'ACTIVE',
      weeks: 6,
      endDate: '2026-05-03',
      phase: 'UPCOMING',
      currentWeek: null,
      memberCount: 0,
      coaches: [
        { id: p.coach.id, isLead: true },
        { id: p.otherCoach.id, isLead: false },
      ],
    });
    expect(cohort.prompts.map((x: { key: string }) => x.key)).toEqual([
      'weight',
      'steps',
      'sleepHours',
      'energy',
      'trainedToday',
      'notes',
    ]);
    expect(cohort.prompts[0]).toMatchObject({ key: 'weight', required: true, unit: 'kg' });
    expect(cohort.questionnaires).toHaveLength(6);
    expect(cohort.questionnaires[0]).toMatchObject({
      week: 1,
      startDate: '2026-03-23',
      endDate: '2026-03-29',
      opensAt: '2026-03-29T00:00:00.000Z',
      closesAt: '2026-03-31T23:00:00.000Z',
    });
    expect(cohort.defaultQuestionnaire.questions.map((q: { id: string }) => q.id)).toContain('days-trained');
  });

  it('enrols a client, who is welcomed in-app and by email with the dates', async () => {
    const member = await enrol(t, p.coach, cohortId, p.client);
    expect(member).toMatchObject({ userId: p.client.id, status: 'ACTIVE', checkInCadenceDays: null });
    const bell = ok(await as(t.app, p.client).get('/api/me/notifications'));
    expect(bell.items[0]).toMatchObject({ kind: 'cohort_welcome', title: 'Welcome to Spring Challenge' });
    expect(bell.items[0].body).toContain('Mon 23 Mar 2026 to Sun 3 May 2026 (6 weeks)');
    const outbox = ok(await as(t.app, p.admin).get('/api/admin/outbox'));
    expect(
      outbox.emails.some(
        (e: { to: string; subject: string }) => e.to === p.client.email && e.subject === 'Welcome to Spring Challenge',
      ),
    ).toBe(true);
  });

  it('shows the client their cohort before it starts', async () => {
    const mine = ok(await as(t.app, p.client).get('/api/me/cohort'));
    expect(mine).toMatchObject({
      cohort: { id: cohortId, name: 'Spring Challenge', startDate: '2026-03-23', endDate: '2026-05-03', weeks: 6 },
      phase: 'UPCOMING',
      currentWeek: null,
      today: { date: '2026-03-20', checkIn: null },
      questionnaire: { week: 1, status: 'NOT_OPEN' },
      feedback: [],
      weightUnit: 'KG',
      streak: 0,
    });
  });

  it('takes check-ins in the client’s own weight unit, stored in kg, and edits within the window', async () => {
    t.clock.set('2026-03-25T07:30:00Z'); // Wednesday of week 1
    ok(await as(t.app, p.client).put('/api/me/check-in-preferences', { weightUnit: 'ST_LB' }));
    const first = ok(
      await as(t.app, p.client).put('/api/me/check-ins/2026-03-25', {
        values: { weight: { st: 13, lb: 2 }, energy: 7 },
      }),
    );
    expect(first).toMatchObject({
      date: '2026-03-25',
      values: { weight: 83.46, energy: 7 },
      weight: { unit: 'ST_LB', text: '13 st 2 lb' },
    });
    ok(await as(t.app, p.client).put('/api/me/check-ins/2026-03-23', { values: { weight: 84, steps: 9000 } }));
    const edited = ok(
      await as(t.app, p.client).put('/api/me/check-ins/2026-03-25', {
        values: { weight: 83.2, energy: 8, trainedToday: true },
      }),
    );
    expect(edited.values).toEqual({ weight: 83.2, energy: 8, trainedToday: true });
    const list = ok(await as(t.app, p.client).get('/api/me/check-ins?from=2026-03-20&to=2026-03-25'));
    expect(list.checkIns.map((c: { date: string }) => c.date)).toEqual(['2026-03-23', '2026-03-25']);
    const mine = ok(await as(t.app, p.client).get('/api/me/cohort'));
    expect(mine).toMatchObject({
      phase: 'RUNNING',
      currentWeek: 1,
      today: { date: '2026-03-25', checkIn: { values: { energy: 8 } } },
      streak: 1,
    });
    expect(mine.checkInsThisWeek).toEqual({ expected: 3, done: 2, rate: 2 / 3 });
  });

  it('opens week 1’s questionnaire on its last day, saves a draft, then locks it on submit', async () => {
    t.clock.set('2026-03-28T20:00:00Z'); // Saturday: not open yet
    expectError(
      await as(t.app, p.client).put('/api/me/questionnaires/1', { answers: { wins: 'x' } }),
      422,
      'QUESTIONNAIRE_NOT_OPEN',
    );
    t.clock.set('2026-03-29T09:00:00Z'); // Sunday, the last day of week 1 (clocks went forward at 01:00)
    const draft = ok(await as(t.app, p.client).put('/api/me/questionnaires/1', { answers: { wins: 'Four sessions' } }));
    expect(draft).toMatchObject({ week: 1, status: 'OPEN', answers: { wins: 'Four sessions' }, submittedAt: null });
    const answers = {
      wins: 'Four sessions',
      challenges: 'Late nights',
      'next-week-goal': 'Bed by 11',
      'days-trained': 4,
      'days-step-target': 2,
      'days-calorie-target': 1,
    };
    const missing = expectError(
      await as(t.app, p.client).put('/api/me/questionnaires/1', { answers: { wins: 'x' }, submit: true }),
      400,
      'VALIDATION_ERROR',
    );
    expect(missing).toMatch(/^"What challenged you this week\?" needs/);
    t.clock.set('2026-03-30T21:00:00Z'); // Monday of week 2: still open (grace days)
    expect(ok(await as(t.app, p.client).get('/api/me/cohort')).questionnaire).toMatchObject({
      week: 1,
      status: 'OPEN',
    });
    const submitted = ok(await as(t.app, p.client).put('/api/me/questionnaires/1', { answers, submit: true }));
    expect(submitted).toMatchObject({ status: 'SUBMITTED', submittedAt: '2026-03-30T21:00:00.000Z' });
    expectError(await as(t.app, p.client).put('/api/me/questionnaires/1', { answers }), 409, 'QUESTIONNAIRE_LOCKED');
    expect(ok(await as(t.app, p.client).get('/api/me/cohort')).questionnaire).toMatchObject({
      week: 2,
      status: 'NOT_OPEN',
    });
    expectError(
      await as(t.app, p.coach).put(`/api/cohorts/${cohortId}/questionnaires/1`, {
        questions: [{ kind: 'text', label: 'Changed?' }],
      }),
      409,
      'QUESTIONNAIRE_HAS_RESPONSES',
    );
  });

  it('puts the submission in the review queue with attention flags, until feedback is published', async () => {
    const queue = ok(await as(t.app, p.coach).get(`/api/cohorts/${cohortId}/review-queue`));
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0]).toMatchObject({ userId: p.client.id, name: 'Sam Client', week: 1, draftFeedback: null });
    const codes = queue.items[0].flags.map((f: { code: string }) => f.code);
    expect(codes).toContain('LOW_SCORES'); // 1 of 7 days on calorie target
    expect(codes).toContain('MISSED_CHECK_INS'); // 2 check-ins in 7 days

    const list = ok(await as(t.app, p.coach).get('/api/cohorts'));
    expect(list.cohorts.find((c: { id: string }) => c.id === cohortId)).toMatchObject({
      memberCount: 1,
      questionnairesWaiting: 1,
      currentWeek: 2,
    });

    const draft = ok(
      await as(t.app, p.otherCoach).put(`/api/cohorts/${cohortId}/members/${p.client.id}/feedback/1`, {
        message: 'Draft: great start',
      }),
    );
    expect(draft).toMatchObject({ status: 'DRAFT', author: { id: p.otherCoach.id }, publishedAt: null });
    const waiting = ok(await as(t.app, p.client).get('/api/me/cohort'));
    expect(waiting.feedback).toEqual([]);
    // A draft reply is not a reply: week 1 stays "submitted — waiting for your coach".
    expect(waiting.awaitingFeedback).toEqual([1]);
    expect(
      ok(await as(t.app, p.coach).get(`/api/cohorts/${cohortId}/review-queue`)).items[0].draftFeedback,
    ).not.toBeNull();

    const published = ok(
      await as(t.app, p.coach).put(`/api/cohorts/${cohortId}/members/${p.client.id}/feedback/1`, {
        message: 'Great start — aim for 7 hours of sleep.',
        videoUrl: 'https://video.example/w1',
        publish: true,
      }),
    );
    expect(published).toMatchObject({
      status: 'PUBLISHED',
      author: { id: p.coach.id },
      publishedAt: '2026-03-30T21:00:00.000Z',
    });
    expect(ok(await as(t.app, p.coach).get(`/api/cohorts/${cohortId}/review-queue`)).items).toEqual([]);
    const mine = ok(await as(t.app, p.client).get('/api/me/cohort'));
    expect(mine.feedback).toEqual([
      {
        week: 1,
        message: 'Great start — aim for 7 hours of sleep.',
        videoUrl: 'https://video.example/w1',
        publishedAt: '2026-03-30T21:00:00.000Z',
        authorName: 'Gav Coach',
      },
    ]);
    expect(mine.awaitingFeedback).toEqual([]);
    const bell = ok(await as(t.app, p.client).get('/api/me/notifications'));
    const replied = bell.items.filter((n: { kind: string }) => n.kind === 'cohort_feedback_published');
    expect(replied).toHaveLength(1);
    // The notification opens the reply itself.
    expect(replied[0].link).toBe('/cohort#feedback-week-1');
    // Editing published feedback does not notify again.
    ok(
      await as(t.app, p.coach).put(`/api/cohorts/${cohortId}/members/${p.client.id}/feedback/1`, {
        message: 'Great start!',
      }),
    );
    const again = ok(await as(t.app, p.client).get('/api/me/notifications'));
    expect(again.items.filter((n: { kind: string }) => n.kind === 'cohort_feedback_published')).toHaveLength(1);
  });

  it('gives coaches the member page with history, answers, feedback and private notes', async () => {
    ok(
      await as(t.app, p.coach).post(`/api/cohorts/${cohortId}/members/${p.client.id}/notes`, {
        text: 'Mentioned a sore knee',
      }),
      201,
    );
    const page = ok(await as(t.app, p.otherCoach).get(`/api/cohorts/${cohortId}/members/${p.client.id}`));
    expect(page.member).toMatchObject({
      userId: p.client.id,
      status: 'ACTIVE',
      weightUnit: 'ST_LB',
      checkInCadenceDays: 1,
    });
    expect(page.checkIns.map((c: { date: string }) => c.date)).toEqual(['2026-03-23', '2026-03-25']);
    expect(page.weeks).toHaveLength(2);
    expect(page.weeks[0].questionnaire).toMatchObject({ status: 'SUBMITTED', answers: { 'days-trained': 4 } });
    expect(page.weeks[0].feedback).toMatchObject({ status: 'PUBLISHED', message: 'Great start!' });
    expect(page.weeks[1].questionnaire).toMatchObject({ status: 'NOT_OPEN', answers: null });
    expect(page.notes).toEqual([
      {
        id: expect.any(String),
        text: 'Mentioned a sore knee',
        author: { id: p.coach.id, name: 'Gav Coach' },
        createdAt: expect.any(String),
      },
    ]);
    const detail = ok(await as(t.app, p.coach).get(`/api/cohorts/${cohortId}`));
    expect(detail.members[0]).toMatchObject({
      userId: p.client.id,
      lastCheckInDate: '2026-03-25',
      streak: 0,
      questionnaire: { week: 2, status: 'NOT_OPEN' },
    });
    expect(detail.questionnaires[0]).toMatchObject({ week: 1, submittedCount: 1, locked: true });
  });

  it('nudges a member once a day', async () => {
    const first = ok(
      await as(t.app, p.coach).post(`/api/cohorts/${cohortId}/nudges`, {
        notCheckedInForDays: 2,
        message: 'How is the week going?',
      }),
    );
    expect(first).toEqual({ nudged: [{ userId: p.client.id, name: 'Sam Client' }], skipped: [] });
    const second = ok(
      await as(t.app, p.otherCoach).post(`/api/cohorts/${cohortId}/nudges`, {
        userIds: [p.client.id, p.otherClient.id],
      }),
    );
    expect(second).toEqual({
      nudged: [],
      skipped: [
        { userId: p.otherClient.id, name: 'Priya Otherclient', reason: 'NOT_AN_ACTIVE_MEMBER' },
        { userId: p.client.id, name: 'Sam Client', reason: 'ALREADY_NUDGED_TODAY' },
      ],
    });
    const nudges = ok(await as(t.app, p.client).get('/api/me/notifications')).items.filter(
      (n: { kind: string }) => n.kind === 'cohort_nudge',
    );
    expect(nudges).toHaveLength(1);
    expect(nudges[0].body).toBe('How is the week going?');
  });

  it('withdraws a client, keeping their data, and they can no longer see the cohort', async () => {
    const left = ok(await as(t.app, p.coach).delete(`/api/cohorts/${cohortId}/members/${p.client.id}`));
    expect(left).toMatchObject({ status: 'WITHDRAWN', leftAt: expect.any(String) });
    expectError(await as(t.app, p.client).get('/api/me/cohort'), 404, 'NOT_IN_COHORT');
    const page = ok(await as(t.app, p.coach).get(`/api/cohorts/${cohortId}/members/${p.client.id}`));
    expect(page.checkIns).toHaveLength(2);
    expect(ok(await as(t.app, p.client).get('/api/me/check-ins?from=2026-03-01&to=2026-03-31')).checkIns).toHaveLength(
      2,
    );
    // Re-enrolling brings them back with their history.
    ok(await as(t.app, p.coach).post(`/api/cohorts/${cohortId}/members`, { userId: p.client.id }), 201);
    expect(ok(await as(t.app, p.client).get('/api/me/cohort')).feedback).toHaveLength(1);
  });

  it('lists a person’s cohort memberships for the admin’s user page', async () => {
    const { memberships } = ok(await as(t.app, p.admin).get(`/api/admin/users/${p.client.id}/cohorts`));
    expect(memberships).toEqual([
      {
        cohort: {
          id: cohortId,
          name: 'Spring Challenge',
          status: 'ACTIVE',
          startDate: '2026-03-23',
          endDate: '2026-05-03',
          weeks: 6,
        },
        status: 'ACTIVE',
        joinedAt: expect.any(String),
        leftAt: null,
      },
    ]);
    expect(ok(await as(t.app, p.admin).get(`/api/admin/users/${p.otherClient.id}/cohorts`)).memberships).toEqual([]);
    expectError(await as(t.app, p.admin).get('/api/admin/users/no-such-user/cohorts'), 404, 'USER_NOT_FOUND');
    expectError(await as(t.app, p.coach).get(`/api/admin/users/${p.client.id}/cohorts`), 403, 'FORBIDDEN');
  });

  it('lets a client outside any cohort log with the studio’s default prompts', async () => {
    expectError(await as(t.app, p.otherClient).get('/api/me/cohort'), 404, 'NOT_IN_COHORT');
    const before = ok(await as(t.app, p.otherClient).get('/api/me/check-in-prompts'));
    expect(before).toMatchObject({
      source: 'STUDIO_DEFAULT',
      cohort: null,
      weightUnit: 'KG',
      today: { date: '2026-03-30', checkIn: null, window: { earliestDate: '2026-03-28', latestDate: '2026-03-30' } },
    });
    const defaults = before.prompts.map((x: { key: string }) => x.key);
    expect(defaults).toEqual(expect.arrayContaining(['steps', 'sleepHours', 'notes']));
    expect(defaults).not.toContain('bodyFat');
    expect(before.prompts.every((x: { required: boolean }) => !x.required)).toBe(true);
    const entry = ok(
      await as(t.app, p.otherClient).put('/api/me/check-ins/2026-03-30', {
        values: { steps: 8000, sleepHours: 7.5, notes: 'walked' },
      }),
    );
    expect(entry.values).toEqual({ steps: 8000, sleepHours: 7.5, notes: 'walked' });
    const notDefault = expectError(
      await as(t.app, p.otherClient).put('/api/me/check-ins/2026-03-30', { values: { bodyFat: 20 } }),
      400,
      'VALIDATION_ERROR',
    );
    expect(notDefault).toMatch(/^Body fat: not one of the questions/);
    const after = ok(await as(t.app, p.otherClient).get('/api/me/check-in-prompts'));
    expect(after.today.checkIn).toMatchObject({
      date: '2026-03-30',
      values: { steps: 8000, sleepHours: 7.5, notes: 'walked' },
    });
  });

  it('gives a cohort member their cohort’s prompts as the prompts in force', async () => {
    const mine = ok(await as(t.app, p.client).get('/api/me/check-in-prompts'));
    const cohort = ok(await as(t.app, p.client).get('/api/me/cohort'));
    expect(mine).toMatchObject({
      source: 'COHORT',
      cohort: { id: cohortId, name: 'Spring Challenge' },
      prompts: cohort.prompts,
      today: cohort.today,
    });
  });
});
