import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';

let t: TestApp;
let admin: TestUser;
let jo: TestUser;
let kim: TestUser;

interface Entry {
  action: string;
  summary: string;
  actor: { name: string } | null;
  target: { type: string; id: string; name: string | null } | null;
}

async function audit(query: string): Promise<Entry[]> {
  const r = await as(t.app, admin).get(`/api/admin/audit-log?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ entries: Entry[] }>().entries;
}

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t.app, 'ADMIN', 'Ada Admin');
  jo = await createUser(t.app, 'CLIENT', 'Jo Client');
  kim = await createUser(t.app, 'CLIENT', 'Kim Other');
  const steps = [
    await as(t.app, admin).patch(`/api/admin/users/${jo.id}`, { role: 'COACH' }),
    await as(t.app, admin).post(`/api/admin/users/${kim.id}/credits`, { amount: 2, reason: 'Goodwill' }),
    await as(t.app, admin).put(`/api/clients/${kim.id}/profile`, {
      emergencyContactName: '',
      emergencyContactPhone: '',
      dateOfBirth: '',
      healthNotes: 'Bad knee after ACL surgery',
    }),
  ];
  for (const r of steps) expect(r.statusCode, r.body).toBeLessThan(300);
});
afterAll(async () => t.close());

describe('the readable audit log', () => {
  it('names the actor and the person acted on, and says what changed in words', async () => {
    const [roleChange] = await audit(`personId=${jo.id}`);
    expect(roleChange).toMatchObject({
      action: 'user.role_changed',
      summary: 'Role: Client → Coach',
      actor: { name: 'Ada Admin' },
      target: { type: 'user', id: jo.id, name: 'Jo Client' },
    });
    const credits = (await audit(`personId=${kim.id}&action=credits.adjusted`))[0];
    expect(credits).toMatchObject({ summary: 'Credits adjusted: +2 (Goodwill)', target: { name: 'Kim Other' } });
  });

  it('never shows health notes, only that the field changed', async () => {
    const r = await as(t.app, admin).get(`/api/admin/audit-log?personId=${kim.id}&action=client.profile_changed`);
    expect(r.json<{ entries: Entry[] }>().entries[0]!.summary).toBe('Client profile changed: health notes');
    expect(r.body).not.toContain('ACL');
  });

  it('filters by person: what they did and what was done to them', async () => {
    const forKim = await audit(`personId=${kim.id}`);
    expect(forKim.map((e) => e.action).sort()).toEqual(['client.profile_changed', 'credits.adjusted']);
    const byAdmin = await audit(`personId=${admin.id}`);
    expect(byAdmin.map((e) => e.action)).toEqual(
      expect.arrayContaining(['user.role_changed', 'credits.adjusted', 'client.profile_changed']),
    );
  });

  it('filters by action', async () => {
    const roles = await audit('action=user.role_changed');
    expect(roles.length).toBeGreaterThan(0);
    expect(roles.every((e) => e.action === 'user.role_changed')).toBe(true);
  });

  it('filters by a studio-local date range', async () => {
    expect((await audit(`personId=${kim.id}&from=${day(-1)}&to=${day(1)}`)).length).toBe(2);
    expect(await audit(`personId=${kim.id}&from=${day(2)}`)).toEqual([]);
    expect(await audit(`personId=${kim.id}&to=${day(-2)}`)).toEqual([]);
  });

  it('refuses a malformed date with a field error, not a 500', async () => {
    const r = await as(t.app, admin).get('/api/admin/audit-log?from=yesterday');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toEqual(
      expect.arrayContaining([{ path: 'querystring.from', message: 'Use a date like 2027-03-22' }]),
    );
  });

  it('is for admins only', async () => {
    expect((await as(t.app, kim).get(`/api/admin/audit-log?personId=${kim.id}`)).statusCode).toBe(403);
  });
});
