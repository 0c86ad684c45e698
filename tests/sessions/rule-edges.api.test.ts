import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignMembership } from '../../src/services/credits/memberships';
import { createPlan } from '../../src/services/credits/plans';
import { as, createTestApp, createUser, type TestApp } from '../support/test-app';
import {
  clientWithCredits,
  creditsLeft,
  expectConsistent,
  giveCredits,
  makeSession,
  sessionInvariants,
  setUpStudio,
  type Studio,
} from './support';

const NOW = new Date('2026-03-20T12:00:00Z');
let t: TestApp;
let studio: Studio;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  studio = await setUpStudio(t);
});
afterAll(async () => t.close());

const errorOf = (r: { statusCode: number; json(): unknown }) => [
  r.statusCode,
  (r.json() as { error?: { code: string } }).error?.code,
];

describe('rule edges', () => {
  it('pays a 3-credit class from two grants and gives each back what it took when cancelled in time', async () => {
    const heavy = await setUpStudio(t, { name: 'Open gym', creditCost: 3 });
    const sessionId = await makeSession(t, heavy, '2026-03-26T09:30:00Z');
    const client = await createUser(t.app, 'CLIENT');
    const ending = await giveCredits(t.database.db, client.id, 2, NOW, {
      from: new Date('2026-03-01T00:00:00Z'),
      until: new Date('2026-03-29T00:00:00Z'),
    });
    const later = await giveCredits(t.database.db, client.id, 5, NOW, {
      from: new Date('2026-03-01T00:00:00Z'),
      until: new Date('2026-06-01T00:00:00Z'),
    });
    const remaining = async (grantId: string) =>
      Number(
        (
          (await t.database.db.execute(
            sql`SELECT remaining FROM credit_grants WHERE id = ${grantId}::uuid`,
          )) as unknown as { rows: Array<{ remaining: number }> }
        ).rows[0]!.remaining,
      );

    expect((await as(t.app, client).post(`/api/sessions/${sessionId}/registrations`)).statusCode).toBe(201);
    expect([await remaining(ending), await remaining(later)]).toEqual([0, 4]);
    expect(expectConsistent(await sessionInvariants(t.database.db, sessionId))).toEqual([]);

    expect((await as(t.app, client).delete(`/api/sessions/${sessionId}/registrations/me`)).json()).toEqual({
      status: 'CANCELLED',
      refunded: 3,
    });
    expect([await remaining(ending), await remaining(later)]).toEqual([2, 5]);
    expect(await creditsLeft(t.database.db, client.id)).toBe(7);
    expect(expectConsistent(await sessionInvariants(t.database.db, sessionId))).toEqual([]);
  });

  it('refuses a class type the client’s plan does not cover (CLASS_TYPE_NOT_ALLOWED), for a place and for the waitlist', async () => {
    const core = await setUpStudio(t, { name: 'CORE only' });
    const admin = { id: studio.admin.id, role: 'ADMIN' as const };
    const plan = await createPlan(
      t.database.db,
      admin,
      { name: 'CORE pack', type: 'PACK', totalCredits: 5, expiryDays: 60, price: 40, classTypeIds: [core.classTypeId] },
      NOW,
    );
    const client = await createUser(t.app, 'CLIENT');
    await assignMembership(t.database.db, admin, client.id, { planId: plan.id, startDate: '2026-03-20' }, NOW);
    const hiit = await makeSession(t, studio, '2026-03-23T09:30:00Z', { capacity: 1 });
    expect(errorOf(await as(t.app, client).post(`/api/sessions/${hiit}/registrations`))).toEqual([
      422,
      'CLASS_TYPE_NOT_ALLOWED',
    ]);
    await as(t.app, await clientWithCredits(t, 1)).post(`/api/sessions/${hiit}/registrations`);
    expect(errorOf(await as(t.app, client).post(`/api/sessions/${hiit}/registrations`))).toEqual([
      422,
      'CLASS_TYPE_NOT_ALLOWED',
    ]);
    const coreClass = await makeSession(t, core, '2026-03-23T10:30:00Z');
    expect((await as(t.app, client).post(`/api/sessions/${coreClass}/registrations`)).statusCode).toBe(201);
  });

  it('refuses a client cancelling once the class has started, and the studio cancelling once it has ended', async () => {
    const sessionId = await makeSession(t, studio, '2026-03-20T12:10:00Z');
    const client = await clientWithCredits(t, 1);
    await as(t.app, client).post(`/api/sessions/${sessionId}/registrations`);
    t.clock.set('2026-03-20T12:15:00Z');
    try {
      expect(errorOf(await as(t.app, client).delete(`/api/sessions/${sessionId}/registrations/me`))).toEqual([
        422,
        'SESSION_STARTED',
      ]);
      t.clock.set('2026-03-20T12:40:00Z');
      expect(errorOf(await as(t.app, studio.coach).post(`/api/sessions/${sessionId}/cancel`, {}))).toEqual([
        422,
        'SESSION_ENDED',
      ]);
      expect(errorOf(await as(t.app, client).post(`/api/sessions/${sessionId}/registrations`, {}))).toEqual([
        200,
        undefined,
      ]);
    } finally {
      t.clock.set(NOW);
    }
  });

  it('moving a class moves its booking window and tells the people booked', async () => {
    const sessionId = await makeSession(t, studio, '2026-03-24T17:30:00Z');
    const client = await clientWithCredits(t, 1);
    await as(t.app, client).post(`/api/sessions/${sessionId}/registrations`);
    const moved = await as(t.app, studio.coach).patch(`/api/sessions/${sessionId}`, {
      startTime: '2026-03-24T18:00:00Z',
    });
    expect(moved.json()).toMatchObject({
      startTime: '2026-03-24T18:00:00.000Z',
      endTime: '2026-03-24T18:25:00.000Z',
      lateCancelsAfter: '2026-03-24T16:00:00.000Z',
    });
    const bell = (await as(t.app, client).get('/api/me/notifications')).json();
    expect(bell.items[0]).toMatchObject({
      kind: 'session_changed',
      title: expect.stringContaining('Tue 24 Mar at 18:00'),
    });
    const bad = await as(t.app, studio.coach).patch(`/api/sessions/${sessionId}`, { endTime: '2026-03-24T17:00:00Z' });
    expect(errorOf(bad)).toEqual([400, 'VALIDATION_ERROR']);
    expect(errorOf(await as(t.app, studio.coach).patch(`/api/sessions/${sessionId}`, {}))).toEqual([
      400,
      'VALIDATION_ERROR',
    ]);
  });
});
