import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createUser, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('smoke', () => {
  it('health', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(r.json()).toEqual({ status: 'ok', db: expect.stringMatching(/pglite|postgres/) });
  });
  it('sign up and me', async () => {
    const u = await createUser(t.app, 'COACH');
    const r = await as(t.app, u).get('/api/me');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ id: u.id, role: 'COACH' });
    const anon = await as(t.app, null).get('/api/me');
    expect(anon.statusCode).toBe(401);
    expect(anon.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
  });
  it('settings', async () => {
    const admin = await createUser(t.app, 'ADMIN');
    const put = await as(t.app, admin).put('/api/admin/settings/features.cohorts.enabled', { value: false });
    expect(put.statusCode, put.body).toBe(200);
    const pub = await t.app.inject({ method: 'GET', url: '/api/settings/public' });
    expect(pub.json().features.cohorts).toBe(false);
    const list = await as(t.app, admin).get('/api/admin/settings');
    expect(list.statusCode, list.body).toBe(200);
    const log = await as(t.app, admin).get('/api/admin/audit-log');
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().entries[0].action).toBe('setting.updated');
  });
});
