import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, sessions, users } from '../../src/db/schema';
import {
  TEST_PASSWORD,
  as,
  browserHeaders,
  cookieFrom,
  createTestApp,
  createUser,
  type TestApp,
} from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers });

async function signIn(email: string, password: string) {
  return post('/api/auth/sign-in/email', { email, password });
}

describe('accounts', () => {
  it('a sign-up becomes a CLIENT, even when it asks for another role', async () => {
    const r = await post('/api/auth/sign-up/email', {
      name: 'Eve',
      email: 'eve@example.test',
      password: TEST_PASSWORD,
      role: 'ADMIN',
    });
    expect([200, 400]).toContain(r.statusCode);
    const [row] = await t.app.deps.db.select().from(users).where(eq(users.email, 'eve@example.test'));
    if (row) expect(row.role).toBe('CLIENT');
    const ok = await post('/api/auth/sign-up/email', {
      name: 'Finn',
      email: 'finn@example.test',
      password: TEST_PASSWORD,
    });
    expect(ok.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookieFrom(ok) } });
    expect(me.json()).toMatchObject({ email: 'finn@example.test', role: 'CLIENT', name: 'Finn' });
  });

  it('refuses passwords shorter than 10 characters with an error body', async () => {
    const r = await post('/api/auth/sign-up/email', {
      name: 'Short',
      email: 'short@example.test',
      password: 'abc123456',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toEqual({ code: expect.any(String), message: expect.any(String) });
  });

  it('sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const user = await createUser(t.app);
    const r = await signIn(user.email, TEST_PASSWORD);
    const header = [r.headers['set-cookie']].flat().join('\n');
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
  });

  it('sign-in does not reveal whether an email exists', async () => {
    const user = await createUser(t.app);
    const wrongPassword = await signIn(user.email, 'not-the-password-1');
    const unknownEmail = await signIn('nobody@example.test', 'not-the-password-1');
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(wrongPassword.statusCode);
    expect(unknownEmail.json().error.message).toBe(wrongPassword.json().error.message);
  });

  it('signs out', async () => {
    const user = await createUser(t.app);
    expect((await as(t.app, user).get('/api/me')).statusCode).toBe(200);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: browserHeaders(t.app, user),
      payload: {},
    });
    expect(out.statusCode).toBe(200);
    expect((await as(t.app, user).get('/api/me')).statusCode).toBe(401);
  });

  it('changes a password', async () => {
    const user = await createUser(t.app);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: browserHeaders(t.app, user),
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password' },
    });
    expect(r.statusCode).toBe(200);
    expect((await signIn(user.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(user.email, 'a-brand-new-password')).statusCode).toBe(200);
  });

  it('resets a forgotten password through the emailed link, without revealing who has an account', async () => {
    const user = await createUser(t.app);
    const redirectTo = `${t.app.deps.config.baseUrl}/reset-password`;
    const known = await post('/api/auth/request-password-reset', { email: user.email, redirectTo });
    const unknown = await post('/api/auth/request-password-reset', { email: 'ghost@example.test', redirectTo });
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toBe(known.body);

    const emails = await t.app.deps.db.select().from(emailOutbox).where(eq(emailOutbox.kind, 'password_reset'));
    expect(emails.map((e) => e.toAddress)).toEqual([user.email]);
    const link = emails[0]!.textBody.match(/https?:\/\/\S+/)![0];

    // The emailed link goes through better-auth, which redirects to the app's page with a token.
    const follow = await t.app.inject({ method: 'GET', url: new URL(link).pathname + new URL(link).search });
    expect(follow.statusCode).toBe(302);
    const token = new URL(follow.headers.location as string).searchParams.get('token');
    expect(token).toBeTruthy();

    const reset = await post('/api/auth/reset-password', { token, newPassword: 'reset-password-works' });
    expect(reset.statusCode).toBe(200);
    expect((await signIn(user.email, 'reset-password-works')).statusCode).toBe(200);
    const again = await post('/api/auth/reset-password', { token, newPassword: 'reset-password-twice' });
    expect(again.statusCode).toBe(400);
  });

  it('refuses a session cookie whose signature was tampered with, or whose session expired', async () => {
    const user = await createUser(t.app);
    const [name, value] = user.cookie.split('=') as [string, string];
    const decoded = decodeURIComponent(value);
    const forged = `${name}=${encodeURIComponent(`${decoded.slice(0, decoded.lastIndexOf('.'))}.${'A'.repeat(43)}=`)}`;
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: forged } })).statusCode).toBe(401);
    expect((await as(t.app, user).get('/api/me')).statusCode).toBe(200);
    await t.app.deps.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, user.id));
    expect((await as(t.app, user).get('/api/me')).statusCode).toBe(401);
  });

  it('slides a session older than a day: better-auth extends it and re-issues the cookie', async () => {
    const user = await createUser(t.app);
    const DAY = 24 * 3600 * 1000;
    // Signed in two days ago: 28 of its 30 days left, so it is due for the daily refresh.
    await t.app.deps.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() + 28 * DAY) })
      .where(eq(sessions.userId, user.id));
    const me = await as(t.app, user).get('/api/me');
    expect(me.statusCode).toBe(200);
    expect([me.headers['set-cookie']].flat().join('\n')).toMatch(/session_token=.*Max-Age=2592000/i);
    const [row] = await t.app.deps.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
    // Fresh again: the next request is answered without a new cookie.
    const again = await as(t.app, user).get('/api/me');
    expect(again.statusCode).toBe(200);
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('a deactivated user is signed out and cannot sign in; reactivated, they can', async () => {
    const admin = await createUser(t.app, 'ADMIN');
    const user = await createUser(t.app);
    const off = await as(t.app, admin).patch(`/api/admin/users/${user.id}`, { active: false });
    expect(off.statusCode).toBe(200);
    expect((await as(t.app, user).get('/api/me')).statusCode).toBe(401);
    const refused = await signIn(user.email, TEST_PASSWORD);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/deactivated/);
    await as(t.app, admin).patch(`/api/admin/users/${user.id}`, { active: true });
    expect((await signIn(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses better-auth admin endpoints (user administration is audited through /api/admin)', async () => {
    const admin = await createUser(t.app, 'ADMIN');
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/admin/set-role',
      headers: browserHeaders(t.app, admin),
      payload: { userId: admin.id, role: 'CLIENT' },
    });
    expect(r.statusCode).toBe(404);
  });
});

describe('rate limits and CSRF', () => {
  it('limits sign-in attempts per IP', async () => {
    const limited = await createTestApp({ config: { authRateLimitPerMinute: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in/email',
          payload: { email: 'x@example.test', password: 'wrong-password-123' },
        });
        statuses.push(r.statusCode);
        if (r.statusCode === 429) expect(r.json().error.code).toBe('RATE_LIMITED');
      }
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.slice(3)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('refuses an authenticated auth request without an Origin (a non-browser forgery)', async () => {
    const user = await createUser(t.app);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: user.cookie },
      payload: {},
    });
    expect(r.statusCode).toBe(403);
  });

  it('refuses cross-site mutations and accepts same-site ones', async () => {
    const user = await createUser(t.app);
    const evil = await t.app.inject({
      method: 'POST',
      url: '/api/me/notifications/read',
      headers: { cookie: user.cookie, origin: 'https://evil.example' },
      payload: {},
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.code).toBe('CSRF_REJECTED');
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/me/notifications/read',
      headers: { cookie: user.cookie, 'sec-fetch-site': 'cross-site' },
      payload: {},
    });
    expect(crossSite.statusCode).toBe(403);
    const same = await t.app.inject({
      method: 'POST',
      url: '/api/me/notifications/read',
      headers: { cookie: user.cookie, origin: t.app.deps.config.baseUrl },
      payload: {},
    });
    expect(same.statusCode).toBe(200);
    const authEvil = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: 'https://evil.example', cookie: user.cookie },
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(authEvil.statusCode).toBe(403);
  });
});
