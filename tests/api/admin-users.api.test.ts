import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';

let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t.app, 'ADMIN', 'Ada Admin');
});
afterAll(async () => t.close());

describe('admin user management', () => {
  it('lists and searches users by name or email, and filters by role', async () => {
    await createUser(t.app, 'CLIENT', 'Zoe Zimmerman');
    await createUser(t.app, 'COACH', 'Carl Coach');
    const byName = await as(t.app, admin).get('/api/admin/users?query=zimmer');
    expect(byName.json().users.map((u: { name: string }) => u.name)).toEqual(['Zoe Zimmerman']);
    const coaches = await as(t.app, admin).get('/api/admin/users?role=COACH');
    expect(coaches.json().users.every((u: { role: string }) => u.role === 'COACH')).toBe(true);
    const wildcard = await as(t.app, admin).get(`/api/admin/users?query=${encodeURIComponent('%')}`);
    expect(wildcard.json().users).toEqual([]);
  });

  it('changes a role and records it in the audit log', async () => {
    const client = await createUser(t.app, 'CLIENT');
    const r = await as(t.app, admin).patch(`/api/admin/users/${client.id}`, { role: 'COACH' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ id: client.id, role: 'COACH', active: true });
    expect((await as(t.app, client).get('/api/me')).json().role).toBe('COACH');
    const log = await as(t.app, admin).get(`/api/admin/audit-log?targetId=${client.id}`);
    expect(log.json().entries[0]).toMatchObject({
      action: 'user.role_changed',
      before: { role: 'CLIENT' },
      after: { role: 'COACH' },
      actor: { id: admin.id },
    });
    expect(Date.parse(log.json().entries[0].createdAt)).not.toBeNaN();
  });

  it('deactivates and reactivates, keeping the user and auditing both', async () => {
    const client = await createUser(t.app);
    await as(t.app, admin).patch(`/api/admin/users/${client.id}`, { active: false });
    const listed = await as(t.app, admin).get(`/api/admin/users/${client.id}`);
    expect(listed.json()).toMatchObject({ active: false, email: client.email });
    await as(t.app, admin).patch(`/api/admin/users/${client.id}`, { active: true });
    const actions = (await as(t.app, admin).get(`/api/admin/audit-log?targetId=${client.id}`))
      .json()
      .entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['user.reactivated', 'user.deactivated']);
  });

  it('keeps at least one admin and stops admins locking themselves out', async () => {
    const self = await as(t.app, admin).patch(`/api/admin/users/${admin.id}`, { active: false });
    expect(self.statusCode).toBe(422);
    expect(self.json().error.code).toBe('CANNOT_CHANGE_SELF');
    const other = await createUser(t.app, 'ADMIN');
    const demoted = await as(t.app, other).patch(`/api/admin/users/${admin.id}`, { role: 'COACH' });
    expect(demoted.statusCode).toBe(200);
    const last = await as(t.app, admin).patch(`/api/admin/users/${other.id}`, { role: 'CLIENT' });
    expect(last.statusCode).toBe(403); // admin is a coach now: no longer allowed at all
    await as(t.app, other).patch(`/api/admin/users/${admin.id}`, { role: 'ADMIN' });
  });

  it('lists active coaches and admins for staff', async () => {
    const coach = await createUser(t.app, 'COACH', 'Aaron Active');
    const gone = await createUser(t.app, 'COACH', 'Aaron Gone');
    await as(t.app, admin).patch(`/api/admin/users/${gone.id}`, { active: false });
    const r = await as(t.app, coach).get('/api/staff');
    const names = r.json().staff.map((s: { name: string }) => s.name);
    expect(names).toContain('Aaron Active');
    expect(names).toContain('Ada Admin');
    expect(names).not.toContain('Aaron Gone');
    expect(r.json().staff.every((s: { role: string }) => s.role !== 'CLIENT')).toBe(true);
  });

  it('answers 404 for a user that does not exist, and 400 for an empty change', async () => {
    expect((await as(t.app, admin).patch('/api/admin/users/nope', { role: 'COACH' })).statusCode).toBe(404);
    expect((await as(t.app, admin).patch(`/api/admin/users/${admin.id}`, {})).statusCode).toBe(400);
  });

  it('the audit log refuses updates and deletes at the database level', async () => {
    await expect(t.app.deps.db.execute(sql`update audit_log set action = 'tampered'`)).rejects.toThrow();
    await expect(t.app.deps.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});
