import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';

let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t.app, 'ADMIN');
});
afterAll(async () => t.close());

describe('settings and feature flags', () => {
  it('has the documented defaults', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/settings/public' });
    expect(r.json()).toEqual({
      studio: { name: 'Roster Studio', timezone: 'Europe/London', currency: 'GBP', weekStartsOn: 'Monday' },
      features: { appointments: false, sessions: true, cohorts: true },
      payments: { online: false },
    });
  });

  it('lists every setting for admins with its default and who changed it', async () => {
    await as(t.app, admin).put('/api/admin/settings/studio.currency', { value: 'EUR' });
    const r = await as(t.app, admin).get('/api/admin/settings');
    const currency = r.json().settings.find((s: { key: string }) => s.key === 'studio.currency');
    expect(currency).toMatchObject({ value: 'EUR', defaultValue: 'GBP', updatedBy: admin.id });
    expect(r.json().settings.map((s: { key: string }) => s.key)).toEqual(
      expect.arrayContaining([
        'features.appointments.enabled',
        'features.sessions.enabled',
        'features.cohorts.enabled',
        'studio.name',
        'studio.timezone',
        'studio.currency',
        'studio.weekStartsOn',
      ]),
    );
  });

  it('refuses unknown keys and values of the wrong type with 400', async () => {
    const unknown = await as(t.app, admin).put('/api/admin/settings/features.teleportation.enabled', { value: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('UNKNOWN_SETTING');
    for (const [key, value] of [
      ['features.cohorts.enabled', 'yes'],
      ['studio.timezone', 'Mars/Olympus'],
      ['studio.currency', 'pounds'],
      ['studio.weekStartsOn', 'Funday'],
      ['studio.name', ''],
    ] as const) {
      const r = await as(t.app, admin).put(`/api/admin/settings/${key}`, { value });
      expect(r.statusCode, `${key}=${String(value)}`).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_ERROR');
      expect(r.json().error.fields).toContainEqual({ path: key, message: expect.any(String) });
      expect(r.json().error.message).not.toContain(`${key}:`);
    }
    const missing = await as(t.app, admin).put('/api/admin/settings/studio.name', {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe('Value: fill this in');
  });

  it('a change takes effect at once on every app instance sharing the database', async () => {
    const other = await createTestApp({ database: t.database });
    try {
      await as(t.app, admin).put('/api/admin/settings/features.appointments.enabled', { value: true });
      const seen = await other.app.inject({ method: 'GET', url: '/api/settings/public' });
      expect(seen.json().features.appointments).toBe(true);
      await as(t.app, admin).put('/api/admin/settings/features.appointments.enabled', { value: false });
      expect(
        (await other.app.inject({ method: 'GET', url: '/api/settings/public' })).json().features.appointments,
      ).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('audits every change with before and after', async () => {
    await as(t.app, admin).put('/api/admin/settings/studio.name', { value: 'Harbour Fitness' });
    const log = await as(t.app, admin).get('/api/admin/audit-log?targetId=studio.name');
    expect(log.json().entries[0]).toMatchObject({
      action: 'setting.updated',
      targetType: 'setting',
      targetId: 'studio.name',
      before: 'Roster Studio',
      after: 'Harbour Fitness',
      actor: { id: admin.id },
    });
  });
});
