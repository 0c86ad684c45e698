import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import { pushDeliveries } from '../../src/db/schema';
import { deliverPushOutbox } from '../../src/jobs/deliver-push-outbox';
import { createPushSender } from '../../src/jobs/push-sender';
import { notifyUser } from '../../src/services/notifications/notify-user';
import { saveSubscription } from '../../src/services/push/push-subscriptions';
import { loadVapidKeys } from '../../src/services/push/vapid-keys';
import { makeUser } from '../credits/fixtures';
import { createTestDatabase, onPostgres } from '../support/test-database';
import { startFakePushService, type FakePushService } from './fake-push-service';

// Every instance runs the push job: two of them at the same moment must send each push once.
describe.runIf(onPostgres())('push delivery with two instances (PostgreSQL)', () => {
  let handle: DatabaseHandle;
  let fake: FakePushService;
  beforeAll(async () => {
    handle = await createTestDatabase({ poolSize: 8 });
    fake = await startFakePushService();
  });
  afterAll(async () => {
    await fake?.close();
    await handle?.close();
  });

  it('agree on one VAPID key pair when both make it at once', async () => {
    const [a, b] = await Promise.all([loadVapidKeys(handle.db, undefined), loadVapidKeys(handle.db, undefined)]);
    expect(a).toEqual(b);
  });

  it('two job runners claiming at once send every push exactly once', async () => {
    const now = new Date();
    const people = await Promise.all(Array.from({ length: 6 }, () => makeUser(handle.db)));
    const browsers = people.map((_, i) => fake.newBrowser(`device-${i}`));
    await Promise.all(people.map((userId, i) => saveSubscription(handle.db, userId, browsers[i]!)));
    for (const [i, userId] of people.entries())
      for (let n = 0; n < 20; n++)
        await notifyUser(handle.db, {
          userId,
          feature: 'sessions',
          kind: 'waitlist_promoted',
          title: `Push ${i}.${n}`,
          body: 'A place opened up',
          dedupeKey: `concurrency:${i}:${n}`,
          classStartsAt: new Date(now.getTime() + 3_600_000),
        });
    const keys = await loadVapidKeys(handle.db, undefined);
    // The rows are due from the database's now(); the runners look a moment later.
    const sendAt = new Date(Date.now() + 1_000);
    // Two instances, each with its own sender (as two processes would have).
    const runner = () => {
      const send = createPushSender({ subject: 'mailto:studio@example.test', ...keys }, fake.agent);
      return async () => {
        let sent = 0;
        for (let round = 0; round < 5; round++) sent += (await deliverPushOutbox(handle.db, send, sendAt)).sent;
        return sent;
      };
    };
    const [first, second] = await Promise.all([runner()(), runner()()]);
    expect(first + second).toBe(120);
    expect(fake.received).toHaveLength(120);
    const titles = fake.received.map((push, i) => {
      const browser = browsers.find((b) => new URL(b.endpoint).pathname === push.path)!;
      return (browser.decrypt(fake.received[i]!) as { title: string }).title;
    });
    expect(new Set(titles).size).toBe(120);
    const rows = await handle.db.select({ status: pushDeliveries.status }).from(pushDeliveries);
    expect(rows.every((r) => r.status === 'SENT')).toBe(true);
    // Both really took part (the batches are 50: neither can have had it all alone).
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
  });
});
