import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { emailOutbox } from '../../src/db/schema';
import { TEST_PASSWORD, as, browserHeaders, createTestApp, createUser, type TestApp } from '../support/test-app';

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await createTestApp();
  // Over a real socket: app.inject would resolve the dot segments before the app saw them.
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(async () => t.close());

/** A GET with the path sent byte for byte as written (no client-side normalisation). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe("better-auth's admin endpoints stay closed whatever the spelling of the path", () => {
  const spellings = [
    '/api/auth/admin/list-users',
    '/api/auth/x/../admin/list-users',
    '/api/auth/x/%2e%2e/admin/list-users',
    '/api/auth/x/%2E%2E/admin/list-users',
    '/api/auth/./admin/list-users',
    '/api/auth//admin/list-users',
    '/api/auth/Admin/list-users',
    '/api/auth/%61dmin/list-users',
    '/api/auth/sign-in/../../auth/admin/list-users',
  ];
  it.each(spellings)('GET %s answers 404 and lists nobody', async (url) => {
    const admin = await createUser(t.app, 'ADMIN');
    const r = await rawGet(url, browserHeaders(t.app, admin));
    expect(r.status).toBe(404);
    expect(r.body).not.toContain(admin.email);
  });

  it('a dot segment cannot climb out of /api/auth either', async () => {
    const user = await createUser(t.app);
    const r = await rawGet('/api/auth/../me', browserHeaders(t.app, user));
    expect(r.status).toBe(404);
    expect(r.body).not.toContain(user.email);
  });

  it("the endpoints Roster uses still answer (get-session through a harmless './')", async () => {
    const user = await createUser(t.app);
    const r = await rawGet('/api/auth/./get-session', browserHeaders(t.app, user));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).user.email).toBe(user.email);
  });
});

describe('Origin: null', () => {
  it('is refused on a state-changing API request', async () => {
    const user = await createUser(t.app);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/me/notifications/read',
      headers: { cookie: user.cookie, origin: 'null' },
      payload: {},
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('CSRF_REJECTED');
  });

  it('is refused by sign-in too', async () => {
    const user = await createUser(t.app);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: 'null' },
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(r.statusCode).toBe(403);
  });
});

describe('trusted origins', () => {
  it('BASE_URL unset: the loopback origins on the serving port; BASE_URL set: only its origin', () => {
    expect(loadConfig({ PORT: '4100' } as NodeJS.ProcessEnv).trustedOrigins).toEqual([
      'http://localhost:4100',
      'http://127.0.0.1:4100',
      'http://[::1]:4100',
    ]);
    expect(loadConfig({ BASE_URL: 'https://studio.example/app' } as NodeJS.ProcessEnv).trustedOrigins).toEqual([
      'https://studio.example',
    ]);
  });

  it.each(['http://127.0.0.1:3000', 'http://[::1]:3000', 'http://localhost:3000'])(
    'a local try-out signs in from %s',
    async (origin) => {
      const user = await createUser(t.app);
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin },
        payload: { email: user.email, password: TEST_PASSWORD },
      });
      expect(r.statusCode).toBe(200);
    },
  );

  it('another port or a LAN address is refused with INVALID_ORIGIN', async () => {
    const user = await createUser(t.app);
    for (const origin of ['http://127.0.0.1:3001', 'http://192.168.1.20:3000']) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin },
        payload: { email: user.email, password: TEST_PASSWORD },
      });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('INVALID_ORIGIN');
    }
  });
});

describe('the calendar feed URL ends with the password or the account', () => {
  async function feedPath(user: Parameters<typeof as>[1]) {
    const feed = new URL((await as(t.app, user).get('/api/me/calendar-feed')).json().url);
    return `${feed.pathname}${feed.search}`;
  }
  const status = async (path: string) => (await t.app.inject({ method: 'GET', url: path })).statusCode;

  it('on a password change', async () => {
    const user = await createUser(t.app);
    const old = await feedPath(user);
    expect(await status(old)).toBe(200);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: browserHeaders(t.app, user),
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password' },
    });
    expect(changed.statusCode).toBe(200);
    expect(await status(old)).toBe(404);
  });

  it('not on a refused password change', async () => {
    const user = await createUser(t.app);
    const old = await feedPath(user);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: browserHeaders(t.app, user),
      payload: { currentPassword: 'not-the-password', newPassword: 'a-brand-new-password' },
    });
    expect(refused.statusCode).toBe(400);
    expect(await status(old)).toBe(200);
  });

  it('on a password reset', async () => {
    const user = await createUser(t.app);
    const old = await feedPath(user);
    const redirectTo = `${t.app.deps.config.baseUrl}/reset-password`;
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      payload: { email: user.email, redirectTo },
    });
    const [email] = await t.app.deps.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, user.email), eq(emailOutbox.kind, 'password_reset')));
    const link = new URL(email!.textBody.match(/https?:\/\/\S+/)![0]);
    const follow = await t.app.inject({ method: 'GET', url: link.pathname + link.search });
    const token = new URL(follow.headers.location as string).searchParams.get('token');
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token, newPassword: 'reset-password-works' },
    });
    expect(reset.statusCode).toBe(200);
    expect(await status(old)).toBe(404);
  });

  it('on deactivation, and stays dead after reactivation', async () => {
    const admin = await createUser(t.app, 'ADMIN');
    const user = await createUser(t.app);
    const old = await feedPath(user);
    expect((await as(t.app, admin).patch(`/api/admin/users/${user.id}`, { active: false })).statusCode).toBe(200);
    expect(await status(old)).toBe(404);
    expect((await as(t.app, admin).patch(`/api/admin/users/${user.id}`, { active: true })).statusCode).toBe(200);
    expect(await status(old)).toBe(404);
  });
});

describe('sign-up with a taken email (docs/decisions/0014)', () => {
  it('says so, and is rate limited like sign-in, so the answer cannot be harvested in bulk', async () => {
    const limited = await createTestApp({ config: { authRateLimitPerMinute: 3 } });
    try {
      const taken = await createUser(limited.app);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/sign-up/email',
          headers: { origin: limited.app.deps.config.baseUrl },
          payload: { name: 'Someone', email: taken.email, password: TEST_PASSWORD },
        });
        statuses.push(r.statusCode);
        if (r.statusCode === 422) expect(r.json().error.code).toMatch(/^USER_ALREADY_EXISTS/);
      }
      // createUser's own sign-up counted as the first of the three.
      expect(statuses).toEqual([422, 422, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
