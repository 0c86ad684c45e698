import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/seed/demo-accounts';
import { seedDemoStudio } from '../../src/seed/seed-demo';
import { as, cookieFrom, createTestApp, type TestApp, type TestUser } from '../support/test-app';
import { expectError, ok } from './cohort-test-kit';

/*
 * The demo studio's cohort, seeded as on a first start — here on Monday 13 April 2026, so the
 * cohort started on Monday 23 March, across the spring DST change — and read back through the API
 * as its coaches and clients see it.
 */
const NOW = new Date('2026-04-13T07:30:00Z');
let t: TestApp;
const people: Record<string, TestUser> = {};

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  await seedDemoStudio(t.database.db, t.app.deps.auth, NOW);
  for (const account of DEMO_ACCOUNTS) {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: account.email, password: DEMO_PASSWORD },
    });
    people[account.key] = {
      id: r.json().user.id,
      email: account.email,
      name: account.name,
      role: account.role,
      cookie: cookieFrom(r),
    };
  }
});
afterAll(async () => t.close());

describe('demo studio cohort', () => {
  it('is one running 8-week cohort in its fourth week, coached by Gav and Clare, with five clients', async () => {
    const { cohorts } = ok(await as(t.app, people.coach1!).get('/api/cohorts'));
    expect(cohorts).toHaveLength(1);
    expect(cohorts[0]).toMatchObject({
      name: 'Northside 8-Week Transformation',
      startDate: '2026-03-23',
      weeks: 8,
      phase: 'RUNNING',
      currentWeek: 4,
      memberCount: 5,
      coaches: [
        { name: 'Gav Cunningham', isLead: true },
        { name: 'Clare Cuming', isLead: false },
      ],
    });
    expect(cohorts[0].questionnairesWaiting).toBe(3);
    expect(ok(await as(t.app, people.coach2!).get('/api/cohorts')).cohorts).toHaveLength(1);
  });

  it('has check-in history with gaps, submitted and missed questionnaires', async () => {
    const { cohorts } = ok(await as(t.app, people.admin!).get('/api/cohorts'));
    const detail = ok(await as(t.app, people.coach1!).get(`/api/cohorts/${cohorts[0].id}`));
    const statuses: Record<string, string[]> = {};
    for (const member of detail.members) {
      const page = ok(await as(t.app, people.coach1!).get(`/api/cohorts/${detail.id}/members/${member.userId}`));
      expect(page.checkIns.length, member.name).toBeGreaterThanOrEqual(8);
      expect(page.checkIns.length, member.name).toBeLessThan(22);
      statuses[member.name] = page.weeks.map((w: { questionnaire: { status: string } }) => w.questionnaire.status);
    }
    expect(statuses).toEqual({
      'Jordan Reid': ['SUBMITTED', 'MISSED', 'OPEN', 'NOT_OPEN'],
      'Megan Lewis': ['SUBMITTED', 'SUBMITTED', 'OPEN', 'NOT_OPEN'],
      'Priya Shah': ['SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'NOT_OPEN'],
      'Sam Patel': ['SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'NOT_OPEN'],
      'Tom Fletcher': ['MISSED', 'SUBMITTED', 'OPEN', 'NOT_OPEN'],
    });
    const tom = detail.members.find((m: { name: string }) => m.name === 'Tom Fletcher');
    expect(tom.streak).toBe(0);
    // The one adherence (last 7 days): Tom missed days, so it is below 100% even on day 1 of a week.
    expect(tom.complianceThisWeek).toBeLessThan(1);
    expect(tom.lastCheckInDate < '2026-04-08').toBe(true);
    expect(tom.complianceOverall).toBeLessThan(0.8);
    const tomPage = ok(await as(t.app, people.coach1!).get(`/api/cohorts/${detail.id}/members/${tom.userId}`));
    expect(tomPage.notes).toHaveLength(1);
    expect(tomPage.flags.map((f: { code: string }) => f.code)).toContain('MISSED_CHECK_INS');
    // The member page says the same as the cohort dashboard.
    expect(tomPage.compliance.thisWeek).toBe(tom.complianceThisWeek);
  });

  it('has a review queue with a pending review and attention flags', async () => {
    const { cohorts } = ok(await as(t.app, people.coach2!).get('/api/cohorts'));
    const queue = ok(await as(t.app, people.coach2!).get(`/api/cohorts/${cohorts[0].id}/review-queue`));
    expect(queue.items.map((i: { name: string; week: number }) => [i.name, i.week])).toEqual([
      ['Megan Lewis', 2],
      ['Priya Shah', 3],
      ['Sam Patel', 3],
    ]);
    expect(queue.items[0].flags.map((f: { code: string }) => f.code)).toContain('FALLING_TREND');
    expect(queue.items[1].draftFeedback).not.toBeNull();
  });

  it('shows a client their week, today, published feedback and streak; a client outside any cohort gets 404', async () => {
    const sam = ok(await as(t.app, people.client1!).get('/api/me/cohort'));
    expect(sam).toMatchObject({
      currentWeek: 4,
      weightUnit: 'ST_LB',
      today: { date: '2026-04-13' },
      questionnaire: { week: 4, status: 'NOT_OPEN' },
    });
    expect(sam.today.checkIn.weight.text).toMatch(/^\d+ st [\d.]+ lb$/);
    expect(sam.feedback.map((f: { week: number }) => f.week)).toEqual([1, 2]);
    expect(sam.streak).toBeGreaterThan(0);
    const megan = ok(await as(t.app, people.client5!).get('/api/me/cohort'));
    expect(megan.questionnaire).toMatchObject({ week: 3, status: 'OPEN' });
    expect(ok(await as(t.app, people.client5!).get('/api/me/questionnaires/3')).answers).toEqual({
      wins: 'Kept my step count up despite the rain',
    });
    expect(megan.feedback.map((f: { week: number }) => f.week)).toEqual([1]);
    expectError(await as(t.app, people.client6!).get('/api/me/cohort'), 404, 'NOT_IN_COHORT');
  });
});
