import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestApp, type TestUser } from '../support/test-app';
import { createTestDatabase, onPostgres } from '../support/test-database';
import { addCoaches, clientWithPack, creditsHeldBy, setUpAppointments, type AppointmentStudio } from './support';

/*
 * Races over real HTTP against PostgreSQL: every request goes through Fastify, better-auth and the
 * pool as in production, each on its own connection.
 */
const NOW = new Date('2026-03-20T12:00:00Z');
let t: TestApp;
let studio: AppointmentStudio;
let baseUrl: string;

async function post(user: TestUser, path: string, body: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie: user.cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
}

async function liveAppointmentsAt(start: string): Promise<number> {
  const result = await t.database.db.execute(
    sql`SELECT count(*)::int AS n FROM appointments WHERE start_time = ${start}::timestamptz AND status = 'BOOKED'`,
  );
  return Number((result as { rows: Array<{ n: number }> }).rows[0]!.n);
}

describe.runIf(onPostgres())('appointments under concurrency (PostgreSQL, real HTTP)', () => {
  beforeAll(async () => {
    const database = await createTestDatabase({ poolSize: 30 });
    t = await createTestApp({ now: NOW, database });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    studio = await setUpAppointments(t);
  });
  afterAll(async () => {
    await t?.close();
    await t?.database.close();
  });

  it('20 clients racing for one slot: exactly one booked and charged, 19 × 409 SLOT_TAKEN charged nothing', async () => {
    const start = '2026-03-23T10:00:00Z';
    const clients = await Promise.all(
      Array.from({ length: 20 }, () => clientWithPack(t, studio, studio.ptPackId, '2026-03-20')),
    );
    const responses = await Promise.all(
      clients.map((c) =>
        post(c, '/api/appointments', { serviceId: studio.serviceId, coachId: studio.coach.id, startTime: start }),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    const refusals = responses.filter((r) => r.status !== 201);
    expect(refusals.map((r) => `${r.status} ${r.body.error?.code}`)).toEqual(Array(19).fill('409 SLOT_TAKEN'));
    expect(await liveAppointmentsAt(start)).toBe(1);
    const credits = await Promise.all(clients.map((c) => creditsHeldBy(t, c.id)));
    expect(credits.sort()).toEqual([4, ...Array(19).fill(5)]);
  });

  it('two clients racing for 14:00 while a third books 15:00 (busy ranges touch, not overlap): two booked', async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => clientWithPack(t, studio, studio.ptPackId, '2026-03-20')));
    const body = (startTime: string) => ({ serviceId: studio.serviceId, coachId: studio.coach.id, startTime });
    const responses = await Promise.all([
      post(a!, '/api/appointments', body('2026-03-24T14:00:00Z')),
      post(b!, '/api/appointments', body('2026-03-24T14:00:00Z')),
      post(c!, '/api/appointments', body('2026-03-24T15:00:00Z')),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 201, 409]);
  });

  it('a class created for the coach while clients book over it: never both', async () => {
    const classType = (
      await as(t.app, studio.coach).post('/api/class-types', {
        name: 'Race spin',
        defaultCapacity: 10,
        defaultDurationMins: 45,
      })
    ).json();
    const clients = await Promise.all(
      Array.from({ length: 5 }, () => clientWithPack(t, studio, studio.ptPackId, '2026-03-20')),
    );
    const start = '2026-03-25T09:00:00Z';
    const [created, ...bookings] = await Promise.all([
      post(studio.coach, '/api/sessions', { classTypeId: classType.id, coachId: studio.coach.id, startTime: start }),
      ...clients.map((c) =>
        post(c, '/api/appointments', { serviceId: studio.serviceId, coachId: studio.coach.id, startTime: start }),
      ),
    ]);
    // Exactly one of them holds the coach's time: the class, or one appointment (and then the class is refused).
    const booked = bookings.filter((r) => r.status === 201).length;
    expect(booked + (created!.status === 201 ? 1 : 0)).toBe(1);
    if (created!.status !== 201) expect(created!.body.error?.code).toBe('SLOT_TAKEN');
  });

  it('"any coach": 6 clients racing for one slot with 3 coaches → 3 booked, one per coach, 3 × SLOT_TAKEN', async () => {
    // Runs last: the other tests name their coach, and these two join the service only now.
    await addCoaches(t, studio, ['Ana Racer', 'Bo Racer']);
    const start = '2026-03-26T10:00:00Z';
    const clients = await Promise.all(
      Array.from({ length: 6 }, () => clientWithPack(t, studio, studio.ptPackId, '2026-03-20')),
    );
    const responses = await Promise.all(
      clients.map((c) => post(c, '/api/appointments', { serviceId: studio.serviceId, startTime: start })),
    );
    const booked = responses
      .filter((r) => r.status === 201)
      .map((r) => (r.body as { coach?: { name: string } }).coach!.name);
    expect(booked.sort()).toEqual(['Ana Racer', 'Bo Racer', 'Gav Coach']);
    expect(responses.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.body.error?.code}`)).toEqual(
      Array(3).fill('409 SLOT_TAKEN'),
    );
    expect(await liveAppointmentsAt(start)).toBe(3);
  });
});
