import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestApp } from '../support/test-app';
import { createCast, createCohort, enrol, ok, typeId, type Cast } from '../cohorts/cohort-test-kit';

/*
 * A coach reads a client's check-ins (and the streak and flags built from them) only for what the
 * client logged while they were a member of the coach's cohort: nothing from before they joined,
 * nothing logged or rewritten after they left. The client's diary is theirs, not the cohort's.
 * Europe/London, March 2026 (UTC+0 until the 29th): a cohort starting Monday 16 March.
 */
let t: TestApp;
let p: Cast;
let cohortId: string;

const at = (iso: string) => t.clock.set(new Date(iso));
const checkIn = (date: string, notes: string) =>
  as(t.app, p.client).put(`/api/me/check-ins/${date}`, { values: { weight: 80, steps: 5000, notes } });

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-03-16T08:00:00Z') });
  p = await createCast(t);
  const cohort = await createCohort(t, p.coach, {
    name: 'Spring Challenge',
    typeId: await typeId(t, p.coach, '6-Week Challenge'),
    startDate: '2026-03-16',
  });
  cohortId = cohort.id;

  at('2026-03-17T09:00:00Z');
  ok(await checkIn('2026-03-17', 'private, before joining'));
  at('2026-03-18T09:00:00Z');
  ok(await checkIn('2026-03-18', 'private, the morning I joined'));
  at('2026-03-18T12:00:00Z');
  await enrol(t, p.coach, cohortId, p.client);
  at('2026-03-19T09:00:00Z');
  ok(await checkIn('2026-03-19', 'shared with my coach'));
  at('2026-03-20T09:00:00Z');
  ok(await checkIn('2026-03-20', 'shared, later rewritten'));
  at('2026-03-20T12:00:00Z');
  ok(await as(t.app, p.coach).delete(`/api/cohorts/${cohortId}/members/${p.client.id}`));
  at('2026-03-21T09:00:00Z');
  ok(await checkIn('2026-03-21', 'private, after leaving'));
  ok(await checkIn('2026-03-20', 'private, rewritten after leaving'));
  at('2026-03-24T09:00:00Z');
});
afterAll(async () => t.close());

describe("a coach and a client's check-ins", () => {
  it('the member page shows only what was logged while a member', async () => {
    const detail = ok(await as(t.app, p.coach).get(`/api/cohorts/${cohortId}/members/${p.client.id}`));
    expect(detail.checkIns.map((c: { date: string }) => c.date)).toEqual(['2026-03-19']);
    expect(JSON.stringify(detail)).not.toContain('private');
    expect(detail.streak).toBeLessThanOrEqual(1);
    // The weeks end with the one they left in (week 1), not the cohort's current week 2.
    expect(detail.weeks.map((w: { week: number }) => w.week)).toEqual([1]);
  });

  it("the cohort's member list does not show a check-in from after they left", async () => {
    const cohort = ok(await as(t.app, p.coach).get(`/api/cohorts/${cohortId}`));
    const row = cohort.members.find((m: { userId: string }) => m.userId === p.client.id);
    expect(row.lastCheckInDate).toBe('2026-03-19');
  });

  it('an admin sees the same window; the client still sees all of their own', async () => {
    const detail = ok(await as(t.app, p.admin).get(`/api/cohorts/${cohortId}/members/${p.client.id}`));
    expect(detail.checkIns.map((c: { date: string }) => c.date)).toEqual(['2026-03-19']);
    const mine = ok(await as(t.app, p.client).get('/api/me/check-ins?from=2026-03-16&to=2026-03-24'));
    expect(mine.checkIns.map((c: { date: string }) => c.date)).toEqual([
      '2026-03-17',
      '2026-03-18',
      '2026-03-19',
      '2026-03-20',
      '2026-03-21',
    ]);
  });
});
