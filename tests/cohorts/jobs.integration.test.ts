import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortMemberships, cohorts, emailOutbox, notifications } from '../../src/db/schema';
import { completeEndedCohorts } from '../../src/services/cohorts/complete-cohorts';
import { sendCheckInReminders, sendQuestionnaireReminders } from '../../src/services/cohorts/send-reminders';
import { onPostgres } from '../support/test-database';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';
import { createCohort, enrol, expectError, ok } from './cohort-test-kit';

/*
 * The cohorts jobs against a real database: completion at the end date, the daily check-in
 * reminder and the questionnaire reminders — each safe to run again and again (and, on
 * PostgreSQL, from several instances at once). A 6-week cohort from Mon 2 March 2026 ends on
 * Sun 12 April, two weeks after the clocks went forward in London.
 */
let t: TestApp;
let coach: TestUser;
let admin: TestUser;
let steady: TestUser;
let quiet: TestUser;
let paused: TestUser;
let cohortId: string;

const kinds = async (userId: string, kind: string) =>
  (
    await t.app.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)))
  ).map((n) => n.title);

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-02-25T10:00:00Z') });
  coach = await createUser(t.app, 'COACH');
  admin = await createUser(t.app, 'ADMIN');
  [steady, quiet, paused] = [
    await createUser(t.app, 'CLIENT'),
    await createUser(t.app, 'CLIENT'),
    await createUser(t.app, 'CLIENT'),
  ];
  cohortId = (
    await createCohort(t, coach, {
      name: 'Spring Six',
      startDate: '2026-03-02',
      weeks: 6,
      checkInReminderTime: '19:00',
    })
  ).id;
  for (const c of [steady, quiet, paused]) await enrol(t, coach, cohortId, c);
  ok(await as(t.app, coach).patch(`/api/cohorts/${cohortId}/members/${paused.id}`, { status: 'PAUSED' }));
});
afterAll(async () => t.close());

describe('daily check-in reminder', () => {
  it('goes from the local reminder time to active members who have not checked in, once a day', async () => {
    t.clock.set('2026-03-10T12:00:00Z');
    ok(await as(t.app, steady).put('/api/me/check-ins/2026-03-10', { values: { weight: 80 } }));
    expect(await sendCheckInReminders(t.app.deps.db, new Date('2026-03-10T18:59:00Z'))).toEqual({ sent: 0 });
    expect(await sendCheckInReminders(t.app.deps.db, new Date('2026-03-10T19:00:00Z'))).toEqual({ sent: 1 });
    expect(await sendCheckInReminders(t.app.deps.db, new Date('2026-03-10T21:30:00Z'))).toEqual({ sent: 0 });
    expect(await kinds(quiet.id, 'cohort_check_in_reminder')).toHaveLength(1);
    expect(await kinds(steady.id, 'cohort_check_in_reminder')).toHaveLength(0);
    expect(await kinds(paused.id, 'cohort_check_in_reminder')).toHaveLength(0);
  });

  it('follows the local clock after the DST change, and stays silent while cohorts are off', async () => {
    // 19:00 BST on Monday 30 March is 18:00 UTC.
    expect(await sendCheckInReminders(t.app.deps.db, new Date('2026-03-30T17:59:00Z'))).toEqual({ sent: 0 });
    expect(await sendCheckInReminders(t.app.deps.db, new Date('2026-03-30T18:00:00Z'))).toEqual({ sent: 2 });
    ok(await as(t.app, admin).put('/api/admin/settings/features.cohorts.enabled', { value: false }));
    expect(await sendCheckInReminders(t.app.deps.db, new Date('2026-03-31T20:00:00Z'))).toEqual({ sent: 0 });
    expect(await sendQuestionnaireReminders(t.app.deps.db, new Date('2026-03-31T10:00:00Z'))).toEqual({ sent: 0 });
    ok(await as(t.app, admin).put('/api/admin/settings/features.cohorts.enabled', { value: true }));
  });
});

describe('questionnaire reminders', () => {
  it('go on the opening day and on the last open day to members who have not submitted, once per day', async () => {
    // Week 2 opens on Sunday 15 March and closes at the end of Tuesday 17 March.
    expect(await sendQuestionnaireReminders(t.app.deps.db, new Date('2026-03-15T08:59:00Z'))).toEqual({ sent: 0 });
    expect(await sendQuestionnaireReminders(t.app.deps.db, new Date('2026-03-15T09:00:00Z'))).toEqual({ sent: 2 });
    expect(await sendQuestionnaireReminders(t.app.deps.db, new Date('2026-03-15T20:00:00Z'))).toEqual({ sent: 0 });
    expect(await sendQuestionnaireReminders(t.app.deps.db, new Date('2026-03-16T12:00:00Z'))).toEqual({ sent: 0 });
    t.clock.set('2026-03-16T12:00:00Z');
    const { questions } = ok(await as(t.app, steady).get('/api/me/questionnaires/2'));
    const answers = Object.fromEntries(
      questions.map((q: { id: string; kind: string }) => [q.id, q.kind === 'number' ? 5 : 'fine']),
    );
    ok(await as(t.app, steady).put('/api/me/questionnaires/2', { answers, submit: true }));
    expect(await sendQuestionnaireReminders(t.app.deps.db, new Date('2026-03-17T09:30:00Z'))).toEqual({ sent: 1 });
    expect(await kinds(quiet.id, 'cohort_questionnaire_reminder')).toEqual([
      'Your week 2 questionnaire is open',
      'Last day for your week 2 questionnaire',
    ]);
    expect(await kinds(steady.id, 'cohort_questionnaire_reminder')).toEqual(['Your week 2 questionnaire is open']);
    const emails = await t.app.deps.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, quiet.email), eq(emailOutbox.kind, 'cohort_questionnaire_reminder')));
    expect(emails).toHaveLength(2);
  });
});

describe('completing cohorts at their end date', () => {
  it('completes the cohort and its memberships once its last local day is over, exactly once', async () => {
    expect(await completeEndedCohorts(t.app.deps.db, new Date('2026-04-12T22:59:00Z'))).toEqual({
      cohorts: 0,
      memberships: 0,
    }); // 23:59 BST Sunday
    const runs = await Promise.all(
      [0, 1, 2].map(() => completeEndedCohorts(t.app.deps.db, new Date('2026-04-12T23:00:00Z'))),
    );
    expect(runs.reduce((n, r) => n + r.cohorts, 0)).toBe(1);
    expect(runs.reduce((n, r) => n + r.memberships, 0)).toBe(3);
    expect(await completeEndedCohorts(t.app.deps.db, new Date('2026-04-13T10:00:00Z'))).toEqual({
      cohorts: 0,
      memberships: 0,
    });
    const [row] = await t.app.deps.db.select().from(cohorts).where(eq(cohorts.id, cohortId));
    expect(row).toMatchObject({ status: 'COMPLETED', completedAt: new Date('2026-04-12T23:00:00Z') });
    const members = await t.app.deps.db
      .select()
      .from(cohortMemberships)
      .where(inArray(cohortMemberships.userId, [steady.id, quiet.id, paused.id]));
    expect(members.map((m) => m.status)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
  });

  it('still lets members answer the last week for two days and see their cohort, then it is missed', async () => {
    t.clock.set('2026-04-14T18:00:00Z');
    const mine = ok(await as(t.app, quiet).get('/api/me/cohort'));
    expect(mine).toMatchObject({
      phase: 'ENDED',
      currentWeek: null,
      membership: { status: 'COMPLETED' },
      questionnaire: { week: 6, status: 'OPEN' },
    });
    expect(await sendQuestionnaireReminders(t.app.deps.db, new Date('2026-04-14T18:00:00Z'))).toEqual({ sent: 3 });
    const { questions } = ok(await as(t.app, quiet).get('/api/me/questionnaires/6'));
    const answers = Object.fromEntries(
      questions.map((q: { id: string; kind: string }) => [q.id, q.kind === 'number' ? 6 : 'done']),
    );
    ok(await as(t.app, quiet).put('/api/me/questionnaires/6', { answers, submit: true }));
    t.clock.set('2026-04-15T08:00:00Z');
    expectError(await as(t.app, steady).put('/api/me/questionnaires/6', { answers }), 422, 'QUESTIONNAIRE_CLOSED');
    expect(ok(await as(t.app, steady).get('/api/me/cohort')).questionnaire).toMatchObject({
      week: 6,
      status: 'MISSED',
    });
    const queue = ok(await as(t.app, coach).get(`/api/cohorts/${cohortId}/review-queue`));
    expect(queue.items.map((i: { userId: string; week: number }) => [i.userId, i.week])).toEqual([
      [steady.id, 2],
      [quiet.id, 6],
    ]);
  });
});

describe.runIf(onPostgres())('jobs from several instances at once', () => {
  it('sends each reminder once when three instances run the job together', async () => {
    const other = await createUser(t.app, 'CLIENT');
    t.clock.set('2026-05-01T10:00:00Z');
    const id = (
      await createCohort(t, coach, {
        name: 'Parallel',
        startDate: '2026-04-27',
        weeks: 4,
        checkInReminderTime: '07:00',
      })
    ).id;
    await enrol(t, coach, id, other);
    const runs = await Promise.all(
      [0, 1, 2].map(() => sendCheckInReminders(t.app.deps.db, new Date('2026-05-01T10:00:00Z'))),
    );
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(await kinds(other.id, 'cohort_check_in_reminder')).toHaveLength(1);
  });
});
