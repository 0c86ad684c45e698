import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema';
import { allocateCredits } from '../../src/jobs/credits-jobs';
import { runMembershipPauses } from '../../src/services/credits/membership-pauses';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';

const NOW = new Date('2026-03-04T09:00:00Z'); // Wednesday of the week of 2 March
let t: TestApp;
let admin: TestUser;
let planId: string;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  admin = await createUser(t.app, 'ADMIN', 'Alex Admin');
  const plan = await as(t.app, admin).post('/api/admin/plans', {
    name: 'Unlimited-ish',
    type: 'RECURRING',
    creditsPerWeek: 5,
    price: 99,
  });
  planId = plan.json().id;
});
afterAll(async () => t.close());

const audits = async (membershipId: string) =>
  (await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, membershipId))).map((a) => ({
    action: a.action,
    actorId: a.actorId,
  }));

describe('pausing a membership for dates', () => {
  it('books a pause, starts and ends it by the job (once), with credits on hold and audit entries', async () => {
    const member = await createUser(t.app, 'CLIENT');
    const m = (
      await as(t.app, admin).post(`/api/admin/users/${member.id}/memberships`, { planId, startDate: '2026-03-02' })
    ).json();
    const booked = await as(t.app, admin).put(`/api/admin/memberships/${m.id}/pause`, {
      from: '2026-03-09',
      until: '2026-03-15',
      reason: 'Holiday',
    });
    expect(booked.statusCode, booked.body).toBe(200);
    expect(booked.json()).toMatchObject({
      status: 'ACTIVE',
      pause: { from: '2026-03-09', until: '2026-03-15', reason: 'Holiday' },
    });
    expect(await runMembershipPauses(t.database.db, NOW)).toEqual({ paused: 0, resumed: 0 });

    const monday = new Date('2026-03-09T09:00:00Z');
    expect(await runMembershipPauses(t.database.db, monday)).toEqual({ paused: 1, resumed: 0 });
    expect(await runMembershipPauses(t.database.db, monday)).toEqual({ paused: 0, resumed: 0 });
    t.clock.set(monday);
    const paused = (await as(t.app, member).get('/api/me/membership')).json();
    expect(JSON.stringify(paused)).toContain('"status":"PAUSED"');
    // No usable weekly credits in the paused week, even after the allocation job runs.
    await allocateCredits(t.database.db, new Date('2026-03-10T09:00:00Z'));
    expect((await as(t.app, member).get('/api/me/credits')).json().thisWeek).toBe(0);

    const after = new Date('2026-03-16T09:00:00Z');
    expect(await runMembershipPauses(t.database.db, after)).toEqual({ paused: 0, resumed: 1 });
    expect(await runMembershipPauses(t.database.db, after)).toEqual({ paused: 0, resumed: 0 });
    t.clock.set(after);
    const list = (await as(t.app, admin).get(`/api/admin/users/${member.id}/memberships`)).json();
    expect(list.memberships ?? list).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: m.id, status: 'ACTIVE', pause: null, pausedOn: null })]),
    );
    expect((await as(t.app, member).get('/api/me/credits')).json().thisWeek).toBe(5);
    expect(await audits(m.id)).toEqual(
      expect.arrayContaining([
        { action: 'membership.pause_scheduled', actorId: admin.id },
        { action: 'membership.paused', actorId: null },
        { action: 'membership.resumed', actorId: null },
      ]),
    );
    t.clock.set(NOW);
  });

  it('a pause from today starts at once; past or backwards dates are refused on their field', async () => {
    const member = await createUser(t.app, 'CLIENT');
    const m = (
      await as(t.app, admin).post(`/api/admin/users/${member.id}/memberships`, { planId, startDate: '2026-03-02' })
    ).json();
    const past = await as(t.app, admin).put(`/api/admin/memberships/${m.id}/pause`, {
      from: '2026-03-03',
      until: '2026-03-10',
      reason: 'Late note',
    });
    expect([past.statusCode, past.json().error.code, past.json().error.fields]).toEqual([
      422,
      'INVALID_MEMBERSHIP_TRANSITION',
      [{ path: 'from', message: expect.any(String) }],
    ]);
    const backwards = await as(t.app, admin).put(`/api/admin/memberships/${m.id}/pause`, {
      from: '2026-03-10',
      until: '2026-03-09',
      reason: 'Oops',
    });
    expect(backwards.json().error.fields).toEqual([{ path: 'until', message: expect.any(String) }]);
    const now = await as(t.app, admin).put(`/api/admin/memberships/${m.id}/pause`, {
      from: '2026-03-04',
      until: '2026-03-06',
      reason: 'Injury',
    });
    expect(now.json()).toMatchObject({ status: 'PAUSED', pausedOn: '2026-03-04', pause: { until: '2026-03-06' } });
    // Resumed by hand before the end: the booked pause is over, the job leaves it alone.
    expect((await as(t.app, admin).patch(`/api/admin/memberships/${m.id}`, { status: 'ACTIVE' })).json()).toMatchObject(
      { status: 'ACTIVE', pause: null },
    );
    expect(await runMembershipPauses(t.database.db, new Date('2026-03-05T09:00:00Z'))).toEqual({
      paused: 0,
      resumed: 0,
    });
  });
});
