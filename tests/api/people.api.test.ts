import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFromTeamup } from '../../src/services/import/import-from-teamup';
import { files } from '../import/fixtures';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';

let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t.app, 'ADMIN', 'Ada Admin');
});
afterAll(async () => t.close());

const post = (url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, payload: payload as never, headers: { origin: t.app.deps.config.baseUrl } });
const signIn = (email: string, password: string) => post('/api/auth/sign-in/email', { email, password });

/** The newest outbox email to `to`, and the token of the password link it carries. */
async function lastEmailTo(to: string) {
  const page = await as(t.app, admin).get('/api/admin/outbox?limit=200');
  const email = (page.json().emails as Array<{ to: string; subject: string; kind: string; link: string | null }>).find(
    (e) => e.to === to,
  );
  return { ...email!, token: new URL(email?.link ?? '/', 'http://x').searchParams.get('token') };
}

async function auditActions(userId: string) {
  const log = await as(t.app, admin).get(`/api/admin/audit-log?targetId=${userId}`);
  return log.json().entries as Array<{ action: string; before: unknown; after: unknown; actor: { id: string } }>;
}

describe('adding and inviting people', () => {
  it('adds a coach, emails an invite whose link sets a password, and audits it', async () => {
    const added = await as(t.app, admin).post('/api/admin/users', {
      name: '  Coral Coach ',
      email: 'Coral@Example.test',
      phone: '+44 7700 900123',
      role: 'COACH',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      name: 'Coral Coach',
      email: 'coral@example.test',
      phone: '+44 7700 900123',
      role: 'COACH',
      hasSignIn: false,
    });
    const invite = await lastEmailTo('coral@example.test');
    expect(invite).toMatchObject({
      kind: 'invite',
      link: expect.stringMatching(/^\/reset-password\?token=.+&invite=1$/),
    });

    expect(
      (await post('/api/auth/reset-password', { token: invite.token, newPassword: 'coral-chose-this' })).statusCode,
    ).toBe(200);
    expect((await signIn('coral@example.test', 'coral-chose-this')).statusCode).toBe(200);
    const after = await as(t.app, admin).get(`/api/admin/users/${added.json().id}`);
    expect(after.json().hasSignIn).toBe(true);
    expect((await auditActions(added.json().id))[0]).toMatchObject({
      action: 'user.invited',
      after: { role: 'COACH', email: 'coral@example.test' },
      actor: { id: admin.id },
    });
    const again = await as(t.app, admin).post(`/api/admin/users/${added.json().id}/invite`);
    expect(again.json().error.code).toBe('INVITE_NOT_NEEDED');
  });

  it('refuses an email already in use, on its field, and bad input with every field named', async () => {
    const taken = await as(t.app, admin).post('/api/admin/users', {
      name: 'Copy Cat',
      email: admin.email.toUpperCase(),
      phone: '',
      role: 'CLIENT',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'EMAIL_TAKEN', fields: [{ path: 'email' }] });
    const bad = await as(t.app, admin).post('/api/admin/users', {
      name: '<b>',
      email: 'nope',
      phone: 'call me',
      role: 'BOSS',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['email', 'name', 'phone', 'role']);
  });

  it('resends an invite with a new link that works, while the first one works too until used', async () => {
    const added = (
      await as(t.app, admin).post('/api/admin/users', {
        name: 'Cleo Client',
        email: 'cleo@example.test',
        phone: '',
        role: 'CLIENT',
      })
    ).json();
    const first = await lastEmailTo('cleo@example.test');
    const resent = await as(t.app, admin).post(`/api/admin/users/${added.id}/invite`);
    expect(resent.json()).toEqual({ sentTo: 'cleo@example.test' });
    const second = await lastEmailTo('cleo@example.test');
    expect(second.token).not.toBe(first.token);
    expect(
      (await post('/api/auth/reset-password', { token: second.token, newPassword: 'cleo-password-1' })).statusCode,
    ).toBe(200);
    expect((await auditActions(added.id)).map((e) => e.action)).toEqual(['user.invite_sent', 'user.invited']);
  });

  it('edits name, email and phone (audited with before and after) and sends a password reset', async () => {
    const client = await createUser(t.app, 'CLIENT', 'Pat Before');
    const edited = await as(t.app, admin).put(`/api/admin/users/${client.id}/details`, {
      name: 'Pat After',
      email: 'pat.after@example.test',
      phone: '07700 900456',
    });
    expect(edited.json()).toMatchObject({ name: 'Pat After', email: 'pat.after@example.test', phone: '07700 900456' });
    expect((await auditActions(client.id))[0]).toMatchObject({
      action: 'user.details_changed',
      before: { name: 'Pat Before', email: client.email, phone: null },
      after: { name: 'Pat After', email: 'pat.after@example.test', phone: '07700 900456' },
    });
    const clash = await as(t.app, admin).put(`/api/admin/users/${client.id}/details`, {
      name: 'Pat After',
      email: admin.email,
      phone: '',
    });
    expect(clash.json().error.code).toBe('EMAIL_TAKEN');

    const reset = await as(t.app, admin).post(`/api/admin/users/${client.id}/password-reset`);
    expect(reset.json()).toEqual({ sentTo: 'pat.after@example.test' });
    const email = await lastEmailTo('pat.after@example.test');
    expect(email.kind).toBe('password_reset');
    expect(
      (await post('/api/auth/reset-password', { token: email.token, newPassword: 'pat-new-password' })).statusCode,
    ).toBe(200);
    expect((await signIn('pat.after@example.test', 'pat-new-password')).statusCode).toBe(200);
    expect((await auditActions(client.id))[0]!.action).toBe('user.password_reset_sent');
  });

  it('gives a coach imported from TeamUp without an email a real address, then invites them', async () => {
    await importFromTeamup(t.database.db, null, files([]), { dryRun: false }, t.clock.now());
    const found = await as(t.app, admin).get('/api/admin/users?query=Rose%20Testcoach');
    const rose = found.json().users[0];
    expect(rose).toMatchObject({ role: 'COACH', hasSignIn: false, email: expect.stringMatching(/\.invalid$/) });

    const tooSoon = await as(t.app, admin).post(`/api/admin/users/${rose.id}/invite`);
    expect(tooSoon.statusCode).toBe(422);
    expect(tooSoon.json().error.code).toBe('NO_EMAIL_YET');

    await as(t.app, admin).put(`/api/admin/users/${rose.id}/details`, {
      name: 'Rose Testcoach',
      email: 'rose@example.test',
      phone: '',
    });
    expect((await as(t.app, admin).post(`/api/admin/users/${rose.id}/invite`)).statusCode).toBe(200);
    const invite = await lastEmailTo('rose@example.test');
    expect(
      (await post('/api/auth/reset-password', { token: invite.token, newPassword: 'rose-password-1' })).statusCode,
    ).toBe(200);
    const signedIn = await signIn('rose@example.test', 'rose-password-1');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user).toMatchObject({ id: rose.id });
  });
});

describe('welcoming new sign-ups', () => {
  it('a person who signs up gets a welcome email and shows first among the newest clients', async () => {
    const signedUp = await post('/api/auth/sign-up/email', {
      name: 'Nia Newcomer',
      email: 'nia@example.test',
      password: 'nia-password-1',
    });
    expect(signedUp.statusCode).toBe(200);
    const welcome = await lastEmailTo('nia@example.test');
    expect(welcome).toMatchObject({ kind: 'welcome', subject: 'Welcome to Roster Studio', link: '/classes' });
    const newest = await as(t.app, admin).get('/api/admin/users?role=CLIENT&sort=newest&limit=1');
    expect(newest.json().users[0]).toMatchObject({ name: 'Nia Newcomer' });
    // Invited people get the invite, not a welcome as well.
    const kinds = (await as(t.app, admin).get('/api/admin/outbox?limit=200'))
      .json()
      .emails.filter((e: { to: string }) => e.to === 'cleo@example.test')
      .map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(['invite', 'invite']);
  });
});
