import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';

const NOTE = 'Asthma, inhaler in my bag';
let t: TestApp;
let admin: TestUser;
let coach: TestUser;
let sam: TestUser;
let olly: TestUser;

const mine = {
  phone: '07700 900123',
  emergencyContactName: 'Jo Partner',
  emergencyContactPhone: '+44 7700 900456',
  dateOfBirth: '1990-04-23',
  healthNotes: NOTE,
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t.app, 'ADMIN', 'Ada Admin');
  coach = await createUser(t.app, 'COACH', 'Cal Coach');
  sam = await createUser(t.app, 'CLIENT', 'Sam Self');
  olly = await createUser(t.app, 'CLIENT', 'Olly Other');
});
afterAll(async () => t.close());

describe('a client edits their own profile', () => {
  it('saves phone, emergency contact, date of birth and health notes, which staff then see', async () => {
    const empty = await as(t.app, sam).get('/api/me/profile');
    expect(empty.json()).toEqual({
      phone: null,
      emergencyContactName: null,
      emergencyContactPhone: null,
      dateOfBirth: null,
      healthNotes: null,
      updatedAt: null,
    });
    const saved = await as(t.app, sam).put('/api/me/profile', mine);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject(mine);
    const staffView = await as(t.app, coach).get(`/api/clients/${sam.id}/profile`);
    expect(staffView.json()).toMatchObject(mine);
  });

  it('is audited like a staff edit: the field names, the client as actor, never the values', async () => {
    await as(t.app, sam).put('/api/me/profile', { ...mine, phone: '', healthNotes: `${NOTE}; sore wrist` });
    const log = await as(t.app, admin).get(`/api/admin/audit-log?subjectId=${sam.id}`);
    const entries = log.json().entries as Array<{ action: string; actor: { id: string }; after: unknown }>;
    expect(entries.map((e) => [e.action, e.actor.id, e.after])).toEqual([
      ['client.profile_changed', sam.id, { fields: ['phone', 'healthNotes'] }],
      [
        'client.profile_changed',
        sam.id,
        { fields: ['phone', 'emergencyContactName', 'emergencyContactPhone', 'dateOfBirth', 'healthNotes'] },
      ],
    ]);
    expect(log.body).not.toContain('Asthma');
    expect(log.body).not.toContain('07700');
    // Saving the same again changes nothing and records nothing.
    await as(t.app, sam).put('/api/me/profile', { ...mine, phone: '', healthNotes: `${NOTE}; sore wrist` });
    expect((await as(t.app, admin).get(`/api/admin/audit-log?subjectId=${sam.id}`)).json().entries).toHaveLength(2);
  });

  it.each(['0001-01-01', '9999-12-31', '2999-06-01', '1990-02-30', '23/04/1990'])(
    'refuses the date of birth %s with a field error, never a 500',
    async (dateOfBirth) => {
      const r = await as(t.app, sam).put('/api/me/profile', { ...mine, dateOfBirth });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.fields).toEqual([{ path: 'dateOfBirth', message: expect.any(String) }]);
    },
  );

  it('refuses a phone with letters under the phone field', async () => {
    const r = await as(t.app, sam).put('/api/me/profile', { ...mine, phone: 'call me maybe' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toEqual([
      { path: 'phone', message: 'Phone can hold digits, spaces and + ( ) - . /' },
    ]);
  });

  it("only ever reads and writes one's own: another client never gets the health notes", async () => {
    const ollys = await as(t.app, olly).get('/api/me/profile');
    expect(ollys.json()).toMatchObject({ healthNotes: null, phone: null });
    expect(ollys.body).not.toContain('Asthma');
    expect((await as(t.app, olly).get(`/api/clients/${sam.id}/profile`)).statusCode).toBe(403);
    const write = await as(t.app, olly).put(`/api/clients/${sam.id}/profile`, { ...mine, healthNotes: 'x' });
    expect(write.statusCode).toBe(403);
    // Olly's own save never touches Sam's profile (the route has no id to point elsewhere).
    await as(t.app, olly).put('/api/me/profile', { ...mine, healthNotes: 'Nothing to report' });
    expect((await as(t.app, sam).get('/api/me/profile')).json().healthNotes).toBe(`${NOTE}; sore wrist`);
    expect((await as(t.app, null).get('/api/me/profile')).statusCode).toBe(401);
  });
});
