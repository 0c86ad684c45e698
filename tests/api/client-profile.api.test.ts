import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWithCredits, makeSession, setUpStudio, type Studio } from '../sessions/support';
import { as, createTestApp, type TestApp, type TestUser } from '../support/test-app';

const NOW = new Date('2026-03-20T12:00:00Z');
const NOTE = 'Left knee: ACL repair 2025, no deep lunges';
let t: TestApp;
let studio: Studio;
let sam: TestUser;
let other: TestUser;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  studio = await setUpStudio(t);
  sam = await clientWithCredits(t, 5, 'Sam Client');
  other = await clientWithCredits(t, 5, 'Olly Other');
});
afterAll(async () => t.close());

const profile = {
  emergencyContactName: 'Jo Client',
  emergencyContactPhone: '07700 900999',
  dateOfBirth: '1988-06-01',
  healthNotes: NOTE,
};

describe("a client's profile for staff", () => {
  it('a coach writes and reads it, audited by field name only', async () => {
    const saved = await as(t.app, studio.coach).put(`/api/clients/${sam.id}/profile`, profile);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ name: 'Sam Client', ...profile, waiverAccepted: null, currentWaiver: 0 });
    const log = await as(t.app, studio.admin).get(`/api/admin/audit-log?targetId=${sam.id}`);
    expect(log.json().entries[0]).toMatchObject({
      action: 'client.profile_changed',
      after: { fields: ['emergencyContactName', 'emergencyContactPhone', 'dateOfBirth', 'healthNotes'] },
    });
    expect(log.body).not.toContain('ACL');
  });

  it('refuses a birth date in the future and clears fields given empty', async () => {
    const future = await as(t.app, studio.admin).put(`/api/clients/${sam.id}/profile`, {
      ...profile,
      dateOfBirth: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0]).toMatchObject({ path: 'dateOfBirth' });
    const cleared = await as(t.app, studio.admin).put(`/api/clients/${other.id}/profile`, {
      ...profile,
      healthNotes: '',
      dateOfBirth: '',
    });
    expect(cleared.json()).toMatchObject({ healthNotes: null, dateOfBirth: null });
  });

  it("never shows a client's health notes to another client, in any response they can get", async () => {
    const sessionId = await makeSession(t, studio, '2026-03-23T06:30:00Z');
    expect((await as(t.app, sam).post(`/api/sessions/${sessionId}/registrations`)).statusCode).toBe(201);
    expect((await as(t.app, other).post(`/api/sessions/${sessionId}/registrations`)).statusCode).toBe(201);
    expect((await as(t.app, other).get(`/api/clients/${sam.id}/profile`)).statusCode).toBe(403);

    const clientRoutes = t.app.apiRoutes.filter((r) => r.method === 'GET' && r.access.kind !== 'permission');
    expect(clientRoutes.length).toBeGreaterThan(10);
    const checked: string[] = [];
    for (const route of clientRoutes)
      for (const id of [sessionId, sam.id]) {
        const url = route.url.replace(':id', id);
        const query = url.includes('?') ? '' : '?from=2026-03-16T00:00:00Z&to=2026-03-30T00:00:00Z';
        const response = await as(t.app, other).get(`${url}${query}`);
        expect(response.body, url).not.toContain('ACL repair');
        if (response.statusCode === 200) checked.push(url);
      }
    expect(checked).toContain(`/api/sessions/${sessionId}`);

    // The coach's roster says who has a note (not what it says), a first visit and credits left.
    const facts = await as(t.app, studio.coach).get(`/api/sessions/${sessionId}/roster-facts`);
    expect(facts.json().people).toEqual(
      expect.arrayContaining([
        { userId: sam.id, phone: null, firstVisit: true, hasHealthNote: true, creditsLeft: 4, creditStatus: 'OK' },
        expect.objectContaining({ userId: other.id, hasHealthNote: false }),
      ]),
    );
    expect(facts.body).not.toContain('ACL');
    expect((await as(t.app, sam).get(`/api/sessions/${sessionId}/roster-facts`)).statusCode).toBe(403);
  });
});

describe("the studio's waiver", () => {
  it('a client accepts the current version before booking; a new version asks again', async () => {
    const sessionA = await makeSession(t, studio, '2026-03-24T06:30:00Z');
    const sessionB = await makeSession(t, studio, '2026-03-25T06:30:00Z');
    const client = await clientWithCredits(t, 5, 'Wanda Waiver');
    const published = await as(t.app, studio.admin).put('/api/admin/waiver', { text: 'I am fit to exercise.' });
    expect(published.json()).toMatchObject({ version: 1, text: 'I am fit to exercise.' });

    const refused = await as(t.app, client).post(`/api/sessions/${sessionA}/registrations`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'WAIVER_REQUIRED',
      message: expect.stringMatching(/first booking/),
    });
    // Staff adding the client at the desk are not stopped.
    const byCoach = await as(t.app, studio.coach).post(`/api/sessions/${sessionB}/registrations`, {
      userId: client.id,
    });
    expect(byCoach.statusCode).toBe(201);

    expect((await as(t.app, client).get('/api/me/waiver')).json()).toMatchObject({ version: 1, accepted: null });
    const accepted = await as(t.app, client).post('/api/me/waiver/accept', { version: 1 });
    expect(accepted.json()).toMatchObject({ version: 1, accepted: { version: 1, acceptedAt: NOW.toISOString() } });
    expect((await as(t.app, client).post(`/api/sessions/${sessionA}/registrations`)).statusCode).toBe(201);
    const seen = await as(t.app, studio.coach).get(`/api/clients/${client.id}/profile`);
    expect(seen.json()).toMatchObject({ waiverAccepted: { version: 1 }, currentWaiver: 1 });

    await as(t.app, studio.admin).put('/api/admin/waiver', { text: 'I am fit to exercise, version two.' });
    const sessionC = await makeSession(t, studio, '2026-03-26T06:30:00Z');
    const again = await as(t.app, client).post(`/api/sessions/${sessionC}/registrations`);
    expect(again.json().error).toMatchObject({
      code: 'WAIVER_REQUIRED',
      message: expect.stringMatching(/has changed/),
    });
    const stale = await as(t.app, client).post('/api/me/waiver/accept', { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('WAIVER_CHANGED');

    await as(t.app, studio.admin).put('/api/admin/waiver', { text: '' });
    expect((await as(t.app, client).post(`/api/sessions/${sessionC}/registrations`)).statusCode).toBe(201);
    const log = await as(t.app, studio.admin).get('/api/admin/audit-log?targetId=3');
    expect(log.json().entries[0]).toMatchObject({ action: 'waiver.removed', after: { version: 3 } });
  });

  it('only an admin publishes it', async () => {
    expect((await as(t.app, studio.coach).put('/api/admin/waiver', { text: 'x' })).statusCode).toBe(403);
  });
});
