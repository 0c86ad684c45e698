import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, users } from '../../src/db/schema';
import { markNotificationsSeen } from '../../src/services/notifications/my-notifications';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';
import { onPostgres } from '../support/test-database';

/* Devices opening the list at once: the "seen up to" mark ends at the newest one shown, whatever the order. */
describe.runIf(onPostgres())('notifications seen from several devices at once', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    user = await createUser(t.app);
  });
  afterAll(async () => t.close());

  it('never moves the mark back', async () => {
    const rows = await t.database.db
      .insert(notifications)
      .values(
        Array.from({ length: 10 }, (_, i) => ({
          userId: user.id,
          kind: 'test',
          title: `N${i}`,
          body: '.',
          createdAt: new Date(Date.UTC(2026, 2, 20, 9, i)),
        })),
      )
      .returning({ id: notifications.id, createdAt: notifications.createdAt });
    const newest = rows[rows.length - 1]!;
    for (let round = 0; round < 5; round += 1) {
      await t.database.db.update(users).set({ notificationsSeenAt: null }).where(eq(users.id, user.id));
      await Promise.all(rows.map((n) => markNotificationsSeen(t.database.db, user.id, n.id)));
      const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
      expect(row!.notificationsSeenAt).toEqual(newest.createdAt);
    }
  });
});
