import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';
import { createCohort, enrol, typeId } from '../cohorts/cohort-test-kit';
import { creditsLeft, giveCredits, makeSession, setUpStudio, type Studio } from '../sessions/support';

/*
 * Staff never act on behalf of a deactivated person: every such action answers 422 USER_INACTIVE
 * and changes nothing (no booking, no credits spent or given, no plan).
 */

const NOW = new Date('2026-03-20T12:00:00Z'); // a Friday
let t: TestApp;
let studio: Studio;
let admin: TestUser;
beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  studio = await setUpStudio(t);
  admin = studio.admin;
});
afterAll(async () => t.close());

async function deactivatedClientWithCredits(): Promise<TestUser> {
  const client = await createUser(t.app, 'CLIENT', 'Dee Activated');
  await giveCredits(t.database.db, client.id, 5, NOW);
  const off = await as(t.app, admin).patch(`/api/admin/users/${client.id}`, { active: false });
  expect(off.statusCode).toBe(200);
  return client;
}

function expectInactive(response: { statusCode: number; json(): { error: { code: string; message: string } } }) {
  expect(response.statusCode).toBe(422);
  expect(response.json().error.code).toBe('USER_INACTIVE');
  expect(response.json().error.message).toMatch(/deactivated/);
}

describe('staff acting for a deactivated client', () => {
  it('cannot book them into a class: no place taken, no credit spent', async () => {
    const client = await deactivatedClientWithCredits();
    const sessionId = await makeSession(t, studio, '2026-03-23T06:30:00Z');
    for (const staff of [studio.coach, admin]) {
      expectInactive(await as(t.app, staff).post(`/api/sessions/${sessionId}/registrations`, { userId: client.id }));
    }
    expect(await creditsLeft(t.database.db, client.id)).toBe(5);
    const roster = await as(t.app, studio.coach).get(`/api/sessions/${sessionId}`);
    expect(roster.body).not.toContain(client.id);
  });

  it('cannot put them on a waitlist', async () => {
    const client = await deactivatedClientWithCredits();
    const sessionId = await makeSession(t, studio, '2026-03-24T06:30:00Z', { capacity: 1 });
    const taker = await createUser(t.app, 'CLIENT');
    await giveCredits(t.database.db, taker.id, 1, NOW);
    expect((await as(t.app, taker).post(`/api/sessions/${sessionId}/registrations`)).statusCode).toBe(201);
    expectInactive(
      await as(t.app, studio.coach).post(`/api/sessions/${sessionId}/registrations`, { userId: client.id }),
    );
  });

  it('cannot give them a plan or credits, nor resume their plan; pausing and cancelling stay possible', async () => {
    const client = await createUser(t.app, 'CLIENT', 'Dee Member');
    const plan = await as(t.app, admin).post('/api/admin/plans', {
      name: `Pack ${Math.random().toString(36).slice(2, 7)}`,
      type: 'RECURRING',
      creditsPerWeek: 2,
      commitmentMonths: 1,
      price: 50,
    });
    expect(plan.statusCode).toBe(201);
    const assigned = await as(t.app, admin).post(`/api/admin/users/${client.id}/memberships`, {
      planId: plan.json().id,
      startDate: '2026-03-20',
    });
    expect(assigned.statusCode).toBe(201);
    const membershipId = assigned.json().id as string;
    expect(
      (await as(t.app, admin).patch(`/api/admin/memberships/${membershipId}`, { status: 'PAUSED' })).statusCode,
    ).toBe(200);
    await as(t.app, admin).patch(`/api/admin/users/${client.id}`, { active: false });
    const before = await creditsLeft(t.database.db, client.id);

    expectInactive(
      await as(t.app, admin).post(`/api/admin/users/${client.id}/memberships`, {
        planId: plan.json().id,
        startDate: '2026-03-21',
      }),
    );
    expectInactive(await as(t.app, admin).post(`/api/admin/users/${client.id}/credits`, { amount: 3, reason: 'Gift' }));
    expectInactive(await as(t.app, admin).post(`/api/admin/users/${client.id}/credits`, { amount: -1, reason: 'Fix' }));
    expectInactive(await as(t.app, admin).patch(`/api/admin/memberships/${membershipId}`, { status: 'ACTIVE' }));
    expect(await creditsLeft(t.database.db, client.id)).toBe(before);
    expect(
      (await as(t.app, admin).patch(`/api/admin/memberships/${membershipId}`, { status: 'CANCELLED' })).statusCode,
    ).toBe(200);
  });

  it('cannot enrol them in a cohort, nor resume their paused place', async () => {
    const coach = await createUser(t.app, 'COACH');
    const cohort = await createCohort(t, coach, {
      name: 'Spring Challenge',
      typeId: await typeId(t, coach, '6-Week Challenge'),
      startDate: '2026-03-23',
    });
    const member = await createUser(t.app, 'CLIENT');
    await enrol(t, coach, cohort.id, member);
    expect(
      (await as(t.app, coach).patch(`/api/cohorts/${cohort.id}/members/${member.id}`, { status: 'PAUSED' })).statusCode,
    ).toBe(200);
    await as(t.app, admin).patch(`/api/admin/users/${member.id}`, { active: false });
    expectInactive(
      await as(t.app, coach).patch(`/api/cohorts/${cohort.id}/members/${member.id}`, { status: 'ACTIVE' }),
    );

    const newcomer = await createUser(t.app, 'CLIENT');
    await as(t.app, admin).patch(`/api/admin/users/${newcomer.id}`, { active: false });
    expectInactive(await as(t.app, coach).post(`/api/cohorts/${cohort.id}/members`, { userId: newcomer.id }));
  });

  it('an active client is still booked by staff as before', async () => {
    const client = await createUser(t.app, 'CLIENT');
    await giveCredits(t.database.db, client.id, 2, NOW);
    const sessionId = await makeSession(t, studio, '2026-03-25T06:30:00Z');
    expect(
      (await as(t.app, studio.coach).post(`/api/sessions/${sessionId}/registrations`, { userId: client.id }))
        .statusCode,
    ).toBe(201);
  });
});
