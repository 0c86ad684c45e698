import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pushDeliveries, pushSubscriptions } from '../../src/db/schema';
import { deliverPushOutbox } from '../../src/jobs/deliver-push-outbox';
import { createPushSender, type PushSend } from '../../src/jobs/push-sender';
import { notifyUser } from '../../src/services/notifications/notify-user';
import { loadVapidKeys } from '../../src/services/push/vapid-keys';
import { notifyPromoted } from '../../src/services/sessions/session-notifications';
import { updateSetting } from '../../src/services/settings/settings-service';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';
import { startFakePushService, verifiedVapidClaims, type FakeBrowser, type FakePushService } from './fake-push-service';

const NOW = new Date('2026-12-07T07:00:00Z');
const HOUR = 3_600_000;

let t: TestApp;
let fake: FakePushService;
let send: PushSend;
let publicKey: string;
let client: TestUser;
let phone: FakeBrowser;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  fake = await startFakePushService();
  client = await createUser(t.app, 'CLIENT');
  const answer = await as(t.app, client).get('/api/push/public-key');
  publicKey = answer.json<{ publicKey: string }>().publicKey;
  const keys = await loadVapidKeys(t.app.deps.db, undefined);
  expect(keys.publicKey).toBe(publicKey);
  send = createPushSender({ subject: 'mailto:studio@example.test', ...keys }, fake.agent);
});
afterAll(async () => {
  await fake?.close();
  await t?.close();
});
beforeEach(async () => {
  fake.received.length = 0;
  await t.app.deps.db.delete(pushSubscriptions);
  phone = fake.newBrowser(`phone-${Math.random().toString(36).slice(2)}`);
  const saved = await as(t.app, client).post('/api/me/push-subscriptions', {
    endpoint: phone.endpoint,
    keys: phone.keys,
  });
  expect(saved.statusCode).toBe(200);
});

const deliver = (now = NOW) => deliverPushOutbox(t.app.deps.db, send, now);
let counter = 0;
const notify = (kind: string, extra: { classStartsAt?: Date; feature?: 'sessions' | 'cohorts' } = {}) =>
  notifyUser(t.app.deps.db, {
    userId: client.id,
    feature: extra.feature ?? 'sessions',
    kind,
    title: `Title of ${kind}`,
    body: `Body of ${kind}`,
    link: `/somewhere/${kind}`,
    dedupeKey: `push-test:${kind}:${++counter}`,
    classStartsAt: extra.classStartsAt,
  });

describe('push delivery through the push service edge', () => {
  it.each([
    ['waitlist_promoted', 'high', 2 * HOUR],
    ['session_cancelled', 'high', 2 * HOUR],
    ['session_changed', 'high', 2 * HOUR],
    ['class_reminder', 'normal', 2 * HOUR],
    ['cohort_nudge', 'normal', undefined],
    ['cohort_feedback_published', 'normal', undefined],
  ] as const)(
    '%s: encrypted payload, VAPID signature, Urgency %s and a TTL that ends by the class',
    async (kind, urgency, toClass) => {
      const classStartsAt = toClass ? new Date(NOW.getTime() + toClass) : undefined;
      await notify(kind, { classStartsAt, feature: kind.startsWith('cohort') ? 'cohorts' : 'sessions' });
      expect(await deliver()).toMatchObject({ sent: 1 });
      expect(fake.received).toHaveLength(1);
      const push = fake.received[0]!;
      expect(push.path).toBe(new URL(phone.endpoint).pathname);
      expect(push.headers.urgency).toBe(urgency);
      expect(push.headers['content-encoding']).toBe('aes128gcm');
      // Until the class starts, or a day for what is not about a class.
      expect(Number(push.headers.ttl)).toBe((toClass ?? 24 * HOUR) / 1000);
      const claims = verifiedVapidClaims(push.headers.authorization as string, publicKey);
      expect(claims.aud).toBe(fake.origin);
      expect(claims.sub).toBe('mailto:studio@example.test');
      expect(phone.decrypt(push)).toMatchObject({
        title: `Title of ${kind}`,
        body: `Body of ${kind}`,
        link: `/somewhere/${kind}`,
      });
      // Sent once: the next run finds nothing.
      expect(await deliver()).toMatchObject({ sent: 0 });
      expect(fake.received).toHaveLength(1);
    },
  );

  it('the real waitlist promotion path pushes, with the TTL counting down to the class', async () => {
    const startTime = new Date(NOW.getTime() + 90 * 60_000);
    await notifyPromoted(t.app.deps.db, {
      userId: client.id,
      registrationId: crypto.randomUUID(),
      session: { id: crypto.randomUUID(), title: 'HIIT', startTime },
      promotedAt: NOW,
    });
    await deliver(new Date(NOW.getTime() + 60_000));
    expect(fake.received[0]!.headers).toMatchObject({ urgency: 'high', ttl: String(89 * 60) });
    expect(phone.decrypt(fake.received[0]!)).toMatchObject({ title: expect.stringMatching(/^You're in: HIIT on /) });
  });

  it('a kind that can wait stays in the bell: no push', async () => {
    await notify('booking_confirmed');
    expect(await deliver()).toMatchObject({ sent: 0 });
    expect(fake.received).toHaveLength(0);
  });

  it('410 Gone from the push service deletes the subscription', async () => {
    fake.answerNext(410);
    await notify('waitlist_promoted', { classStartsAt: new Date(NOW.getTime() + HOUR) });
    expect(await deliver()).toMatchObject({ pruned: 1 });
    const left = await t.app.deps.db
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.endpoint, phone.endpoint));
    expect(left).toEqual([]);
  });

  it('a 500 is retried with backoff, then delivered once', async () => {
    fake.answerNext(500);
    await notify('session_cancelled', { classStartsAt: new Date(NOW.getTime() + 3 * HOUR) });
    expect(await deliver()).toMatchObject({ retried: 1, sent: 0 });
    const [row] = await t.app.deps.db.select().from(pushDeliveries).where(eq(pushDeliveries.status, 'PENDING'));
    expect(row!.attempts).toBe(1);
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(NOW.getTime());
    // Not before the backoff has passed…
    expect(await deliver()).toMatchObject({ sent: 0, retried: 0 });
    // …then sent, with the TTL that is left.
    expect(await deliver(row!.nextAttemptAt)).toMatchObject({ sent: 1 });
    expect(fake.received).toHaveLength(2);
    expect(Number(fake.received[1]!.headers.ttl)).toBeLessThan(3 * 3600);
  });

  it('a class that has started expires the push unsent', async () => {
    await notify('class_reminder', { classStartsAt: new Date(NOW.getTime() + 10 * 60_000) });
    expect(await deliver(new Date(NOW.getTime() + 11 * 60_000))).toMatchObject({ expired: 1, sent: 0 });
    expect(fake.received).toHaveLength(0);
  });

  it('nothing is pushed for a switched-off feature', async () => {
    await notify('cohort_nudge', { feature: 'cohorts' });
    const admin = await createUser(t.app, 'ADMIN');
    await updateSetting(t.app.deps.db, admin.id, 'features.cohorts.enabled', false);
    try {
      expect(await deliver()).toMatchObject({ skipped: 1, sent: 0 });
      expect(fake.received).toHaveLength(0);
    } finally {
      await updateSetting(t.app.deps.db, admin.id, 'features.cohorts.enabled', true);
    }
  });

  it('unsubscribing removes only this device of this person', async () => {
    const other = await createUser(t.app, 'CLIENT');
    expect((await as(t.app, other).delete('/api/me/push-subscriptions', { endpoint: phone.endpoint })).json()).toEqual({
      removed: false,
    });
    expect((await as(t.app, client).delete('/api/me/push-subscriptions', { endpoint: phone.endpoint })).json()).toEqual(
      {
        removed: true,
      },
    );
  });

  it('refuses an endpoint that is not https', async () => {
    const answer = await as(t.app, client).post('/api/me/push-subscriptions', {
      endpoint: 'http://127.0.0.1/push/x',
      keys: phone.keys,
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.code).toBe('VALIDATION_ERROR');
  });
});
