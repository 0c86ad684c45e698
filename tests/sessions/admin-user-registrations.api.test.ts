import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createUser, type TestApp } from '../support/test-app';
import { clientWithCredits, makeSession, setUpStudio, type Studio } from './support';

const NOW = new Date('2026-03-20T12:00:00Z');
let t: TestApp;
let studio: Studio;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  studio = await setUpStudio(t);
});
afterAll(async () => t.close());

describe("the studio's view of one client's bookings", () => {
  it('lists upcoming and recent bookings with status and attendance, for coaches and admins only', async () => {
    const client = await clientWithCredits(t, 5);
    const other = await clientWithCredits(t, 5);
    const yesterday = await makeSession(t, studio, '2026-03-19T06:30:00Z', { title: 'Yesterday' });
    const nextWeek = await makeSession(t, studio, '2026-03-26T06:30:00Z', { title: 'Next week' });
    const farAway = await makeSession(t, studio, '2026-05-20T06:30:00Z', { title: 'Far away' });
    // The client booked yesterday's class the day before it, and the coach marked them present.
    t.clock.set(new Date('2026-03-18T12:00:00Z'));
    expect((await as(t.app, client).post(`/api/sessions/${yesterday}/registrations`)).statusCode).toBe(201);
    t.clock.set(new Date('2026-03-19T06:40:00Z'));
    expect(
      (
        await as(t.app, studio.coach).post(`/api/sessions/${yesterday}/attendance`, {
          userId: client.id,
          status: 'ATTENDED',
        })
      ).statusCode,
    ).toBe(200);
    t.clock.set(NOW);
    expect((await as(t.app, client).post(`/api/sessions/${nextWeek}/registrations`)).statusCode).toBe(201);
    expect((await as(t.app, other).post(`/api/sessions/${nextWeek}/registrations`)).statusCode).toBe(201);
    expect(
      (await as(t.app, studio.coach).post(`/api/sessions/${farAway}/registrations`, { userId: client.id })).statusCode,
    ).toBe(201);

    for (const staff of [studio.coach, studio.admin]) {
      const response = await as(t.app, staff).get(`/api/admin/users/${client.id}/registrations`);
      expect(response.statusCode, response.body).toBe(200);
      // Default range: four weeks back to four weeks ahead — the May class is outside it.
      expect(
        response.json().map((r: { session: { title: string }; status: string }) => [r.session.title, r.status]),
      ).toEqual([
        ['Yesterday', 'ATTENDED'],
        ['Next week', 'REGISTERED'],
      ]);
    }
    const later = await as(t.app, studio.admin).get(
      `/api/admin/users/${client.id}/registrations?from=2026-05-01T00:00:00Z&to=2026-06-01T00:00:00Z`,
    );
    expect(later.json().map((r: { session: { id: string } }) => r.session.id)).toEqual([farAway]);

    expect((await as(t.app, client).get(`/api/admin/users/${other.id}/registrations`)).statusCode).toBe(403);
    expect((await as(t.app, client).get(`/api/admin/users/${client.id}/registrations`)).statusCode).toBe(403);
  });

  it('answers 404 for an unknown person and 400 for a range that is too wide', async () => {
    const admin = await createUser(t.app, 'ADMIN');
    const unknown = await as(t.app, admin).get('/api/admin/users/no-such-user/registrations');
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'USER_NOT_FOUND']);
    const wide = await as(t.app, admin).get(
      `/api/admin/users/${admin.id}/registrations?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z`,
    );
    expect([wide.statusCode, wide.json().error.code]).toEqual([400, 'VALIDATION_ERROR']);
  });
});
