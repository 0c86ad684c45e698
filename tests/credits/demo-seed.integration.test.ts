import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCredits } from '../../src/seed/credits';
import { DEMO_ACCOUNTS } from '../../src/seed/demo-accounts';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';
import { ledgerMismatches } from './fixtures';

let t: TestApp;
const people: Record<string, TestUser> = {};
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-03-04T09:00:00Z') });
  for (const account of DEMO_ACCOUNTS) people[account.key] = await createUser(t.app, account.role, account.name);
  const userIdByKey = Object.fromEntries(Object.entries(people).map(([key, u]) => [key, u.id]));
  await seedCredits({ db: t.database.db, now: t.clock.now(), userIdByKey });
});
afterAll(async () => t.close());

describe('demo studio: plans and memberships', () => {
  it('offers the spec’s pricing tiers', async () => {
    const plans = (await as(t.app, people.client6!).get('/api/plans')).json().plans as Array<{
      name: string;
      type: string;
      price: number;
      creditsPerWeek: number;
    }>;
    expect(plans.map((p) => [p.name, p.type, p.price, p.creditsPerWeek])).toEqual(
      expect.arrayContaining([
        ['Kickstarter', 'PREPAID', 297, 5],
        ['Committed', 'RECURRING', 109, 5],
        ['Totally Committed', 'RECURRING', 99, 5],
      ]),
    );
  });

  it('gives the demo clients a mix of plans with credits ready to book', async () => {
    const members = (await as(t.app, people.coach1!).get('/api/members')).json().members as Array<{
      name: string;
      creditsThisWeek: number;
      plans: Array<{ planName: string; status: string }>;
    }>;
    const byName = Object.fromEntries(members.map((m) => [m.name, m]));
    expect(byName['Sam Patel']).toMatchObject({
      creditsThisWeek: 5,
      plans: [{ planName: 'Committed', status: 'ACTIVE' }],
    });
    expect(byName['Jordan Reid']!.plans).toEqual([expect.objectContaining({ planName: 'Kickstarter' })]);
    expect(byName['Priya Shah']!.plans.map((p) => p.planName).sort()).toEqual(['5 Class Pack', 'Totally Committed']);
    expect(byName['Priya Shah']!.creditsThisWeek).toBe(10);
    expect(byName['Tom Fletcher']!.creditsThisWeek).toBe(6);
    expect(byName['Megan Lewis']).toMatchObject({ creditsThisWeek: 0, plans: [{ status: 'PAUSED' }] });
    expect(byName['Chris Doyle']!.plans).toEqual([]);
    expect(await ledgerMismatches(t.database.db)).toEqual([]);
  });
});
