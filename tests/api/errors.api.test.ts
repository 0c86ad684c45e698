import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, browserHeaders, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';

let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t.app, 'ADMIN');
});
afterAll(async () => t.close());

const errorShape = { error: { code: expect.stringMatching(/^[A-Z][A-Z_]+$/), message: expect.any(String) } };

describe('errors are JSON with a code, never a 500 or an HTML page under /api', () => {
  it('unknown API path → 404 NOT_FOUND', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/does-not-exist' });
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toMatch(/application\/json/);
    expect(r.json()).toEqual(errorShape);
    expect(r.json().error.code).toBe('NOT_FOUND');
    const post = await t.app.inject({ method: 'POST', url: '/api', payload: {} });
    expect(post.statusCode).toBe(404);
  });

  it('malformed JSON → 400 INVALID_JSON', async () => {
    const r = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/settings/studio.name',
      headers: { ...browserHeaders(t.app, admin), 'content-type': 'application/json' },
      payload: '{"value": ',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('INVALID_JSON');
  });

  it('oversize body → 413 PAYLOAD_TOO_LARGE', async () => {
    const r = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/settings/studio.name',
      headers: { ...browserHeaders(t.app, admin), 'content-type': 'application/json' },
      payload: JSON.stringify({ value: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(r.statusCode).toBe(413);
    expect(r.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a body that is not JSON → 415', async () => {
    const r = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/settings/studio.name',
      headers: { ...browserHeaders(t.app, admin), 'content-type': 'text/plain' },
      payload: 'value=x',
    });
    expect(r.statusCode).toBe(415);
    expect(r.json()).toEqual(errorShape);
  });

  it('validation errors name the field', async () => {
    const r = await as(t.app, admin).get('/api/admin/users?limit=abc');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('VALIDATION_ERROR');
    expect(r.json().error.message).toBe('Limit: enter a number');
    const patch = await as(t.app, admin).patch(`/api/admin/users/${admin.id}`, { role: 'WIZARD' });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.message).toMatch(/^Role: choose one of: /);
  });

  it('validation errors list every field problem in plain words', async () => {
    const r = await as(t.app, admin).patch(`/api/admin/users/${admin.id}`, { role: 'WIZARD', active: 'maybe' });
    expect(r.statusCode).toBe(400);
    const fields = r.json().error.fields as Array<{ path: string; message: string }>;
    expect(fields.map((f) => f.path).sort()).toEqual(['active', 'role']);
    expect(fields.find((f) => f.path === 'active')?.message).toBe('Enter yes or no');
    expect(fields.find((f) => f.path === 'role')?.message).toMatch(/^Choose one of: /);
    const query = await as(t.app, admin).get('/api/admin/users?limit=0');
    expect(query.json().error.fields).toEqual([{ path: 'querystring.limit', message: 'Use at least 1' }]);
  });

  it('a business rule about one field names it in fields, without the lead-in', async () => {
    const r = await as(t.app, admin).put('/api/admin/settings/studio.timezone', { value: 'Mars/Olympus' });
    expect(r.statusCode).toBe(400);
    const [field, ...others] = r.json().error.fields as Array<{ path: string; message: string }>;
    expect(others).toEqual([]);
    expect(field?.path).toBe('studio.timezone');
    expect(field?.message).not.toMatch(/^studio\.timezone/);
    expect(field?.message).toMatch(/^[A-Z]/);
  });

  it('echoes a request id for tracing, or makes one', async () => {
    const given = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers['x-request-id']).toBe('trace-123');
    const made = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('health reports the database kind', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(r.json()).toEqual({ status: 'ok', db: t.database.kind });
  });

  it('serves the OpenAPI document at /api/docs/json with the API routes', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(r.statusCode).toBe(200);
    const paths = Object.keys(r.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/me', '/api/settings/public', '/api/admin/users/{id}']));
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });
});

describe('the web app', () => {
  it('serves index.html for app paths and a plain 404 for missing assets', async () => {
    const t2 = await createTestApp();
    try {
      for (const url of ['/', '/classes/next-week']) {
        const page = await t2.app.inject({ method: 'GET', url });
        expect([200, 503], url).toContain(page.statusCode); // 503 only when the web app was never built
        if (page.statusCode === 200) expect(page.headers['content-type']).toMatch(/text\/html/);
      }
      const asset = await t2.app.inject({ method: 'GET', url: '/assets/missing-file.js' });
      expect(asset.statusCode).toBe(404);
      expect(asset.headers['content-type']).not.toMatch(/text\/html/);
    } finally {
      await t2.close();
    }
  });
});
