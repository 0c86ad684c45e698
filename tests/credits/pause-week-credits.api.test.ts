import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditGrants, creditTransactions, sessionRegistrations } from '../../src/db/schema';
import { allocateCredits } from '../../src/jobs/credits-jobs';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';
import { makeSession, setUpStudio, type Studio } from '../sessions/support';

// Wednesday 4 March 2026: a membership from Monday 2 March has its weeks of 2, 9 and 16 March granted.
const NOW = new Date('2026-03-04T09:00:00Z');
let t: TestApp;
let studio: Studio;
let admin: TestUser;
let planId: string;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  studio = await setUpStudio(t);
  admin = studio.admin;
  const plan = await as(t.app, admin).post('/api/admin/plans', {
    name: 'Three a week',
    type: 'RECURRING',
    creditsPerWeek: 3,
    price: 60,
  });
  planId = plan.json().id;
});
afterAll(async () => t.close());

async function member() {
  const client = await createUser(t.app, 'CLIENT');
  const m = await as(t.app, admin).post(`/api/admin/users/${client.id}/memberships`, {
    planId,
    startDate: '2026-03-02',
  });
  expect(m.statusCode, m.body).toBe(201);
  return { client, membershipId: m.json().id as string };
}

/** Each week's remaining credits: { '2026-03-02': 3, … }. */
async function weeks(membershipId: string) {
  const rows = await t.database.db
    .select({ weekStart: creditGrants.weekStart, remaining: creditGrants.remaining })
    .from(creditGrants)
    .where(eq(creditGrants.membershipId, membershipId))
    .orderBy(asc(creditGrants.weekStart));
  return Object.fromEntries(rows.map((r) => [r.weekStart, r.remaining]));
}

async function pauseLines(userId: string) {
  const rows = await t.database.db
    .select({ kind: creditTransactions.kind, amount: creditTransactions.amount, reason: creditTransactions.reasonCode })
    .from(creditTransactions)
    .where(and(eq(creditTransactions.userId, userId)))
    .orderBy(asc(creditTransactions.seq));
  return rows
    .filter((r) => r.reason === 'PAUSED' || r.reason === 'PAUSE_ENDED')
    .map((r) => `${r.reason} ${r.amount}`)
    .sort(); // the order of grants within one change is by id
}

const bookPause = (membershipId: string, from: string, until: string) =>
  as(t.app, admin).put(`/api/admin/memberships/${membershipId}/pause`, { from, until, reason: 'Holiday' });

describe('weekly credits of the weeks a pause holds', () => {
  it('booking a pause removes the unused credits of wholly paused weeks, keeps used ones and bookings', async () => {
    const { client, membershipId } = await member();
    expect(await weeks(membershipId)).toEqual({ '2026-03-02': 3, '2026-03-09': 3, '2026-03-16': 3 });
    // One credit of the week of 16 March is used on a class that Tuesday.
    const sessionId = await makeSession(t, studio, '2026-03-17T10:00:00Z');
    const booking = await as(t.app, client).post(`/api/sessions/${sessionId}/registrations`, {});
    expect(booking.statusCode, booking.body).toBe(201);

    expect((await bookPause(membershipId, '2026-03-09', '2026-03-22')).statusCode).toBe(200);
    expect(await weeks(membershipId)).toEqual({ '2026-03-02': 3, '2026-03-09': 0, '2026-03-16': 0 });
    expect(await pauseLines(client.id)).toEqual(['PAUSED -2', 'PAUSED -3']);
    const [registration] = await t.database.db
      .select({ status: sessionRegistrations.status })
      .from(sessionRegistrations)
      .where(eq(sessionRegistrations.userId, client.id));
    expect(registration!.status).toBe('REGISTERED');
    const history = (await as(t.app, client).get('/api/me/credit-transactions')).json();
    expect(JSON.stringify(history)).toContain('paused that week');

    // The same dates again change nothing; shorter dates give the week no longer paused back.
    expect((await bookPause(membershipId, '2026-03-09', '2026-03-22')).statusCode).toBe(200);
    expect(await pauseLines(client.id)).toHaveLength(2);
    expect((await bookPause(membershipId, '2026-03-09', '2026-03-15')).statusCode).toBe(200);
    expect(await weeks(membershipId)).toEqual({ '2026-03-02': 3, '2026-03-09': 0, '2026-03-16': 2 });
    expect(await pauseLines(client.id)).toEqual(['PAUSED -2', 'PAUSED -3', 'PAUSE_ENDED 2']);
  });

  it('a pause ended early gives back the credits of the week it no longer holds', async () => {
    const { client, membershipId } = await member();
    expect((await bookPause(membershipId, '2026-03-09', '2026-03-22')).statusCode).toBe(200);
    expect(await weeks(membershipId)).toEqual({ '2026-03-02': 3, '2026-03-09': 0, '2026-03-16': 0 });
    // The job starts the pause on Monday 9 March.
    await allocateCredits(t.database.db, new Date('2026-03-09T09:00:00Z'));
    // Resumed by hand on Wednesday 11 March: the weeks of 9 and 16 March are no longer wholly paused.
    const wednesday = new Date('2026-03-11T09:00:00Z');
    t.clock.set(wednesday);
    const resumed = await as(t.app, admin).patch(`/api/admin/memberships/${membershipId}`, { status: 'ACTIVE' });
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(await weeks(membershipId)).toMatchObject({ '2026-03-09': 3, '2026-03-16': 3 });
    expect(await pauseLines(client.id)).toEqual(['PAUSED -3', 'PAUSED -3', 'PAUSE_ENDED 3', 'PAUSE_ENDED 3']);
    expect((await as(t.app, client).get('/api/me/credits')).json().thisWeek).toBe(3);
    t.clock.set(NOW);
  });

  it('the weekly job makes no grant for a week wholly inside a booked pause; ending the pause makes it', async () => {
    const { membershipId } = await member();
    expect((await bookPause(membershipId, '2026-03-23', '2026-03-29')).statusCode).toBe(200);
    await allocateCredits(t.database.db, new Date('2026-03-12T09:00:00Z')); // weeks up to 23 March are due
    const granted = await weeks(membershipId);
    expect(granted).toMatchObject({ '2026-03-09': 3, '2026-03-16': 3 });
    expect(granted).not.toHaveProperty('2026-03-23');
    // Resuming cancels the booked pause (it had not begun): the week of 23 March is granted.
    const thursday = new Date('2026-03-12T09:00:00Z');
    t.clock.set(thursday);
    expect(
      (await as(t.app, admin).patch(`/api/admin/memberships/${membershipId}`, { status: 'PAUSED' })).statusCode,
    ).toBe(200);
    expect(
      (await as(t.app, admin).patch(`/api/admin/memberships/${membershipId}`, { status: 'ACTIVE' })).statusCode,
    ).toBe(200);
    expect(await weeks(membershipId)).toMatchObject({ '2026-03-23': 3 });
    t.clock.set(NOW);
  });
});
