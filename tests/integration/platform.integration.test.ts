import { and, eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { emailOutbox, notifications, users } from '../../src/db/schema';
import { deliverEmailOutbox, type MailTransport } from '../../src/jobs/deliver-email-outbox';
import { ensureAdminAccount } from '../../src/services/auth/ensure-admin';
import { enqueueEmail } from '../../src/services/email/enqueue-email';
import { notifyUser } from '../../src/services/notifications/notify-user';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/seed/demo-accounts';
import { isEmptyStudio, seedDemoStudio } from '../../src/seed/seed-demo';
import { as, createTestApp, createUser, type TestApp } from '../support/test-app';
import { onPostgres } from '../support/test-database';

const BASE = 'https://studio.example';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

function recordingTransport(failFor: string[] = []): MailTransport & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    async send(message) {
      if (failFor.includes(message.to)) throw new Error('mailbox unavailable');
      sent.push(message.to);
    },
  };
}

describe('notifications', () => {
  it('notifies once per dedupe key, with an optional email, and hides a disabled feature', async () => {
    const user = await createUser(t.app);
    const db = t.app.deps.db;
    const first = await notifyUser(db, {
      userId: user.id,
      feature: 'cohorts',
      kind: 'nudge',
      title: 'Time to check in',
      body: 'Log today',
      email: true,
      dedupeKey: `nudge:${user.id}:1`,
    });
    const again = await notifyUser(db, {
      userId: user.id,
      feature: 'cohorts',
      kind: 'nudge',
      title: 'Time to check in',
      body: 'Log today',
      email: true,
      dedupeKey: `nudge:${user.id}:1`,
    });
    expect([first, again]).toEqual([true, false]);
    await notifyUser(db, { userId: user.id, feature: null, kind: 'welcome', title: 'Welcome', body: 'Hello' });
    // (The account's own welcome email, sent at sign-up, is not one of these notifications.)
    const emails = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, user.email), ne(emailOutbox.kind, 'welcome')));
    expect(emails).toHaveLength(1);

    const list = await as(t.app, user).get('/api/me/notifications');
    expect(list.json().unreadCount).toBe(2);
    const admin = await createUser(t.app, 'ADMIN');
    await as(t.app, admin).put('/api/admin/settings/features.cohorts.enabled', { value: false });
    const hidden = await as(t.app, user).get('/api/me/notifications');
    expect(hidden.json().items.map((n: { title: string }) => n.title)).toEqual(['Welcome']);
    await as(t.app, admin).put('/api/admin/settings/features.cohorts.enabled', { value: true });

    const read = await as(t.app, user).post('/api/me/notifications/read', {});
    expect(read.json().marked).toBe(2);
    expect((await as(t.app, user).get('/api/me/notifications')).json().unreadCount).toBe(0);
  });

  it('never marks another person’s notifications', async () => {
    const a = await createUser(t.app);
    const b = await createUser(t.app);
    await notifyUser(t.app.deps.db, { userId: a.id, feature: null, kind: 'k', title: 'For A', body: '.' });
    const [mine] = await t.app.deps.db.select().from(notifications).where(eq(notifications.userId, a.id));
    const r = await as(t.app, b).post('/api/me/notifications/read', { ids: [mine!.id] });
    expect(r.json().marked).toBe(0);
  });
});

describe('email outbox delivery', () => {
  it('sends pending emails once, retries failures, and shows them to admins', async () => {
    const db = t.app.deps.db;
    await db.delete(emailOutbox);
    await enqueueEmail(db, { to: 'ok@example.test', subject: 'Hi', text: 'Body', kind: 'test' });
    await enqueueEmail(db, { to: 'down@example.test', subject: 'Hi', text: 'Body', kind: 'test' });
    await enqueueEmail(db, { to: 'ok@example.test', subject: 'Once', text: 'Body', kind: 'test', dedupeKey: 'once' });
    await enqueueEmail(db, { to: 'ok@example.test', subject: 'Once', text: 'Body', kind: 'test', dedupeKey: 'once' });
    const transport = recordingTransport(['down@example.test']);
    const first = await deliverEmailOutbox(db, transport, new Date(), BASE);
    expect(first).toEqual({ sent: 2, failed: 1 });
    const second = await deliverEmailOutbox(db, transport, new Date(), BASE);
    expect(second).toEqual({ sent: 0, failed: 1 });
    expect(transport.sent).toEqual(['ok@example.test', 'ok@example.test']);
    const rows = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'down@example.test'));
    expect(rows[0]).toMatchObject({ status: 'PENDING', attempts: 2, lastError: 'mailbox unavailable' });

    const admin = await createUser(t.app, 'ADMIN');
    await db.delete(emailOutbox).where(eq(emailOutbox.kind, 'welcome')); // the admin's own, from sign-up
    const outbox = await as(t.app, admin).get('/api/admin/outbox');
    expect(
      outbox
        .json()
        .emails.map((e: { status: string }) => e.status)
        .sort(),
    ).toEqual(['PENDING', 'SENT', 'SENT']);
  });

  it('an app link in a notification email is sent as a full address on BASE_URL', async () => {
    const db = t.app.deps.db;
    const user = await createUser(t.app);
    await db.delete(emailOutbox); // after sign-up: its welcome email is not what this test sends
    await notifyUser(db, {
      userId: user.id,
      feature: null,
      kind: 'k',
      title: 'A place is yours',
      body: 'You are in.',
      link: '/classes/abc',
      email: true,
    });
    const sent: string[] = [];
    await deliverEmailOutbox(db, { send: async (m) => void sent.push(m.text) }, new Date(), BASE);
    expect(sent).toEqual(['You are in.\n\nhttps://studio.example/classes/abc']);
  });

  it.runIf(onPostgres())('two instances delivering at once send each email exactly once', async () => {
    const db = t.app.deps.db;
    await db.delete(emailOutbox);
    for (let i = 0; i < 30; i++)
      await enqueueEmail(db, { to: `p${i}@example.test`, subject: 'Hi', text: 'Body', kind: 'test' });
    const transport = recordingTransport();
    await Promise.all([
      deliverEmailOutbox(db, transport, new Date(), BASE),
      deliverEmailOutbox(db, transport, new Date(), BASE),
      deliverEmailOutbox(db, transport, new Date(), BASE),
    ]);
    await deliverEmailOutbox(db, transport, new Date(), BASE);
    expect(transport.sent).toHaveLength(30);
    expect(new Set(transport.sent).size).toBe(30);
  });
});

describe('start-up accounts', () => {
  it('ADMIN_EMAIL creates the admin once, and makes an existing account an active admin', async () => {
    const db = t.app.deps.db;
    const admin = { email: 'Owner@Studio.test', password: 'owner-password-1', name: 'Owner' };
    await ensureAdminAccount(db, t.app.deps.auth, admin);
    await ensureAdminAccount(db, t.app.deps.auth, admin);
    const rows = await db.select().from(users).where(eq(users.email, 'owner@studio.test'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ role: 'ADMIN', banned: false });

    const client = await createUser(t.app);
    await db.update(users).set({ banned: true }).where(eq(users.id, client.id));
    await ensureAdminAccount(db, t.app.deps.auth, { email: client.email, password: 'ignored-password', name: 'x' });
    const [promoted] = await db.select().from(users).where(eq(users.id, client.id));
    expect(promoted).toMatchObject({ role: 'ADMIN', banned: false });
  });

  it('seeds the demo studio into an empty database only, with working sign-ins', async () => {
    const fresh = await createTestApp();
    try {
      expect(await isEmptyStudio(fresh.app.deps.db)).toBe(true);
      await seedDemoStudio(fresh.app.deps.db, fresh.app.deps.auth, fresh.clock.now());
      expect(await isEmptyStudio(fresh.app.deps.db)).toBe(false);
      const byRole = (await fresh.app.deps.db.execute(
        sql`select role, count(*)::int as n from "user" group by role order by role`,
      )) as unknown as { rows: unknown[] };
      expect(byRole.rows).toEqual([
        { role: 'ADMIN', n: 1 },
        { role: 'CLIENT', n: DEMO_ACCOUNTS.filter((a) => a.role === 'CLIENT').length },
        { role: 'COACH', n: 2 },
      ]);
      for (const account of DEMO_ACCOUNTS.slice(0, 4)) {
        const r = await fresh.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in/email',
          payload: { email: account.email, password: DEMO_PASSWORD },
        });
        expect(r.statusCode, account.email).toBe(200);
      }
    } finally {
      await fresh.close();
    }
  });
});

describe('configuration', () => {
  it('reads the environment with safe defaults and refuses unsafe combinations', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, dataDir: './data', seedDemo: true, baseUrl: 'http://localhost:3000' });
    expect(loadConfig({ PORT: '4000', SEED_DEMO: 'false' })).toMatchObject({
      port: 4000,
      seedDemo: false,
    });
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x@localhost/db' })).toThrow(/BETTER_AUTH_SECRET/);
    const pg = loadConfig({
      DATABASE_URL: 'postgres://x@localhost/db',
      BETTER_AUTH_SECRET: 'a-long-enough-secret',
    });
    expect(pg.seedDemo).toBe(false);
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@b.test' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });
});
