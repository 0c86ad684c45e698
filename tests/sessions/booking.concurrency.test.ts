import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestApp, type TestUser } from '../support/test-app';
import { createTestDatabase, onPostgres } from '../support/test-database';
import {
  clientWithCredits,
  creditsLeft,
  expectConsistent,
  makeSession,
  sessionInvariants,
  setUpStudio,
  type Studio,
} from './support';

/*
 * Races over real HTTP against PostgreSQL (PGlite has one connection, so nothing can race
 * there). Every request goes through Fastify, better-auth and the pool exactly as in production.
 */
const NOW = new Date('2026-03-20T12:00:00Z');
let t: TestApp;
let studio: Studio;
let baseUrl: string;

async function call(user: TestUser, method: 'POST' | 'DELETE', path: string) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { cookie: user.cookie, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
    body: method === 'POST' ? '{}' : undefined,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function ledgerMatchesGrants(): Promise<boolean> {
  const result = await t.database.db.execute(sql`
    SELECT count(*)::int AS bad FROM credit_grants g
    WHERE g.remaining <> COALESCE((SELECT SUM(amount) FROM credit_transactions c WHERE c.grant_id = g.id), 0)`);
  return Number((result as { rows: Array<{ bad: number }> }).rows[0]!.bad) === 0;
}

describe.runIf(onPostgres())('booking under concurrency (PostgreSQL, real HTTP)', () => {
  beforeAll(async () => {
    const database = await createTestDatabase({ poolSize: 30 });
    t = await createTestApp({ now: NOW, database });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    studio = await setUpStudio(t);
  });
  afterAll(async () => {
    await t?.close();
    await t?.database.close();
  });

  it('50 clients racing for 10 places: exactly 10 registered, 40 queued at 1..40, 10 credits consumed', async () => {
    const sessionId = await makeSession(t, studio, '2026-03-23T06:30:00Z', { capacity: 10 });
    const clients = await Promise.all(Array.from({ length: 50 }, () => clientWithCredits(t, 1)));
    const responses = await Promise.all(
      clients.map((c) => call(c, 'POST', `/api/sessions/${sessionId}/registrations`)),
    );
    expect(responses.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const registered = responses.filter((r) => r.body.status === 'REGISTERED');
    const waitlisted = responses.filter((r) => r.body.status === 'WAITLISTED');
    expect(registered).toHaveLength(10);
    expect(waitlisted.map((r) => r.body.waitlistPosition).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    const inv = await sessionInvariants(t.database.db, sessionId);
    expect(expectConsistent(inv)).toEqual([]);
    expect(inv.netCredits).toBe(10);
    const left = await Promise.all(clients.map((c) => creditsLeft(t.database.db, c.id)));
    expect(left.filter((n) => n === 0)).toHaveLength(10);
    expect(await ledgerMatchesGrants()).toBe(true);
  });

  it('one client sending 5 bookings at once gets one registration and pays one credit', async () => {
    const sessionId = await makeSession(t, studio, '2026-03-23T07:00:00Z');
    const client = await clientWithCredits(t, 5);
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => call(client, 'POST', `/api/sessions/${sessionId}/registrations`)),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await creditsLeft(t.database.db, client.id)).toBe(4);
    expect(expectConsistent(await sessionInvariants(t.database.db, sessionId))).toEqual([]);
  });

  it('a cancel and a booking racing for the last place: the newcomer ends up with it either way, once', async () => {
    for (let round = 0; round < 8; round++) {
      const sessionId = await makeSession(t, studio, `2026-03-24T${String(6 + round).padStart(2, '0')}:00:00Z`, {
        capacity: 1,
      });
      const [holder, newcomer] = [await clientWithCredits(t, 1), await clientWithCredits(t, 1)];
      expect((await call(holder, 'POST', `/api/sessions/${sessionId}/registrations`)).body.status).toBe('REGISTERED');
      const [cancel, book] = await Promise.all([
        call(holder, 'DELETE', `/api/sessions/${sessionId}/registrations/me`),
        call(newcomer, 'POST', `/api/sessions/${sessionId}/registrations`),
      ]);
      expect(cancel.body).toEqual({ status: 'CANCELLED', refunded: 1 });
      expect(book.status).toBe(201);
      const detail = (await as(t.app, newcomer).get(`/api/sessions/${sessionId}`)).json();
      expect(detail.myRegistration.status).toBe('REGISTERED');
      const inv = await sessionInvariants(t.database.db, sessionId);
      expect(expectConsistent(inv)).toEqual([]);
      expect([inv.places, inv.waiting, inv.netCredits]).toEqual([1, 0, 1]);
    }
    expect(await ledgerMatchesGrants()).toBe(true);
  });

  it('two cancellations racing with a waitlist of one: promoted exactly once, charged once', async () => {
    for (let round = 0; round < 8; round++) {
      const sessionId = await makeSession(t, studio, `2026-03-25T${String(6 + round).padStart(2, '0')}:00:00Z`, {
        capacity: 2,
      });
      const [a, b, waiting] = [
        await clientWithCredits(t, 1),
        await clientWithCredits(t, 1),
        await clientWithCredits(t, 3),
      ];
      await call(a, 'POST', `/api/sessions/${sessionId}/registrations`);
      await call(b, 'POST', `/api/sessions/${sessionId}/registrations`);
      expect((await call(waiting, 'POST', `/api/sessions/${sessionId}/registrations`)).body).toMatchObject({
        status: 'WAITLISTED',
        waitlistPosition: 1,
      });
      const results = await Promise.all([
        call(a, 'DELETE', `/api/sessions/${sessionId}/registrations/me`),
        call(b, 'DELETE', `/api/sessions/${sessionId}/registrations/me`),
      ]);
      expect(results.map((r) => r.status)).toEqual([200, 200]);
      const inv = await sessionInvariants(t.database.db, sessionId);
      expect(expectConsistent(inv)).toEqual([]);
      expect([inv.places, inv.waiting, inv.netCredits]).toEqual([1, 0, 1]);
      expect(await creditsLeft(t.database.db, waiting.id)).toBe(2);
      const bell = (await as(t.app, waiting).get('/api/me/notifications')).json();
      expect(bell.items.filter((n: { kind: string }) => n.kind === 'waitlist_promoted')).toHaveLength(1);
    }
    expect(await ledgerMatchesGrants()).toBe(true);
  });

  it('one client cancelling three times at once: one cancellation, one refund, the place promoted once', async () => {
    const sessionId = await makeSession(t, studio, '2026-03-26T09:00:00Z', { capacity: 1 });
    const [client, waiting] = [await clientWithCredits(t, 1), await clientWithCredits(t, 1)];
    await call(client, 'POST', `/api/sessions/${sessionId}/registrations`);
    await call(waiting, 'POST', `/api/sessions/${sessionId}/registrations`);
    const results = await Promise.all(
      Array.from({ length: 3 }, () => call(client, 'DELETE', `/api/sessions/${sessionId}/registrations/me`)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 404, 404]);
    expect(await creditsLeft(t.database.db, client.id)).toBe(1);
    expect(await creditsLeft(t.database.db, waiting.id)).toBe(0);
    const inv = await sessionInvariants(t.database.db, sessionId);
    expect(expectConsistent(inv)).toEqual([]);
    expect([inv.places, inv.waiting, inv.netCredits]).toEqual([1, 0, 1]);
  });

  it('one client booking six classes at once with credits for three: three booked, three refused, nothing half-written', async () => {
    const starts = [
      '2026-03-27T06:30:00Z',
      '2026-03-27T08:30:00Z',
      '2026-03-27T10:30:00Z',
      '2026-03-27T12:30:00Z',
      '2026-03-27T14:30:00Z',
      '2026-03-27T16:30:00Z',
    ];
    const sessions = await Promise.all(starts.map((start) => makeSession(t, studio, start)));
    const client = await clientWithCredits(t, 3);
    const results = await Promise.all(sessions.map((id) => call(client, 'POST', `/api/sessions/${id}/registrations`)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 422, 422, 422]);
    expect(results.filter((r) => r.status === 422).map((r) => (r.body.error as { code: string }).code)).toEqual([
      'INSUFFICIENT_CREDITS',
      'INSUFFICIENT_CREDITS',
      'INSUFFICIENT_CREDITS',
    ]);
    expect(await creditsLeft(t.database.db, client.id)).toBe(0);
    expect(await ledgerMatchesGrants()).toBe(true);
    for (const id of sessions) expect(expectConsistent(await sessionInvariants(t.database.db, id))).toEqual([]);
  });

  it('one client booking six classes at once with credits for all: all six booked (a stale credit read is read again)', async () => {
    const starts = [
      '2026-03-28T06:30:00Z',
      '2026-03-28T08:30:00Z',
      '2026-03-28T10:30:00Z',
      '2026-03-28T12:30:00Z',
      '2026-03-28T14:30:00Z',
      '2026-03-28T16:30:00Z',
    ];
    const sessions = await Promise.all(starts.map((start) => makeSession(t, studio, start)));
    const client = await clientWithCredits(t, 6);
    const results = await Promise.all(sessions.map((id) => call(client, 'POST', `/api/sessions/${id}/registrations`)));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(await creditsLeft(t.database.db, client.id)).toBe(0);
    expect(await ledgerMatchesGrants()).toBe(true);
  });

  it('one client booking two overlapping classes at once gets only one of them', async () => {
    const first = await makeSession(t, studio, '2026-03-26T06:30:00Z');
    const second = await makeSession(t, studio, '2026-03-26T06:40:00Z', { title: 'Overlapping' });
    const client = await clientWithCredits(t, 2);
    const results = await Promise.all(
      [first, second].map((id) => call(client, 'POST', `/api/sessions/${id}/registrations`)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await creditsLeft(t.database.db, client.id)).toBe(1);
  });
});

// Keeps the file from reporting "no tests" on PGlite, and says why.
describe.skipIf(onPostgres())('booking under concurrency', () => {
  it.skip('needs TEST_DATABASE_URL (PostgreSQL): PGlite has a single connection', () => undefined);
});
