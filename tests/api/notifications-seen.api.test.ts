import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, users } from '../../src/db/schema';
import {
  as,
  cookieFrom,
  createTestApp,
  createUser,
  TEST_PASSWORD,
  type TestApp,
  type TestUser,
} from '../support/test-app';

/*
 * The bell's badge clears when the notifications are opened, on every device and every app
 * instance: the "seen up to" mark is in the database. Two apps on one database stand for two
 * instances; the person signs in on each (a phone and a desktop).
 */
let phoneApp: TestApp;
let desktopApp: TestApp;
let phone: TestUser;
let desktop: TestUser;
let other: TestUser;

async function notify(userId: string, title: string, createdAt: string) {
  const [row] = await phoneApp.database.db
    .insert(notifications)
    .values({ userId, kind: 'test', title, body: '.', createdAt: new Date(createdAt) })
    .returning({ id: notifications.id });
  return row!.id;
}

const bell = async (app: TestApp, user: TestUser) => {
  const r = await as(app.app, user).get('/api/me/notifications');
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ unreadCount: number; badgeCount: number; items: Array<{ id: string; readAt: string | null }> }>();
};
const seen = (user: TestUser, upToId: string) => as(phoneApp.app, user).post('/api/me/notifications/seen', { upToId });

beforeAll(async () => {
  phoneApp = await createTestApp();
  desktopApp = await createTestApp({ database: phoneApp.database });
  phone = await createUser(phoneApp.app, 'CLIENT', 'Pat Phone');
  const signIn = await desktopApp.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    payload: { email: phone.email, password: TEST_PASSWORD },
  });
  expect(signIn.statusCode, signIn.body).toBe(200);
  desktop = { ...phone, cookie: cookieFrom(signIn) };
  other = await createUser(phoneApp.app, 'CLIENT', 'Olly Other');
});
afterAll(async () => {
  await desktopApp.close();
  await phoneApp.close();
});

describe('the notification badge', () => {
  it('opening the list on the phone clears the badge on the desktop; items stay unread until read', async () => {
    await notify(phone.id, 'First', '2026-03-20T09:00:00Z');
    const second = await notify(phone.id, 'Second', '2026-03-20T10:00:00.000001Z');
    expect(await bell(desktopApp, desktop)).toMatchObject({ unreadCount: 2, badgeCount: 2 });

    // The list the phone showed had "Second" on top: the badge clears up to it (to the microsecond).
    const r = await seen(phone, second);
    expect(r.statusCode, r.body).toBe(200);
    const after = await bell(desktopApp, desktop);
    expect(after).toMatchObject({ unreadCount: 2, badgeCount: 0 });
    expect(after.items.every((n) => n.readAt === null)).toBe(true);

    // A notification after the one shown counts again, and "Mark as read" still takes one off.
    const third = await notify(phone.id, 'Third', '2026-03-20T11:00:00Z');
    expect(await bell(desktopApp, desktop)).toMatchObject({ unreadCount: 3, badgeCount: 1 });
    await as(desktopApp.app, desktop).post('/api/me/notifications/read', { ids: [third] });
    expect(await bell(phoneApp, phone)).toMatchObject({ unreadCount: 2, badgeCount: 0 });
  });

  it('never moves back: an older list answered late leaves the mark where it is', async () => {
    const newest = await notify(phone.id, 'Newest', '2026-03-20T12:00:00Z');
    const oldest = (await bell(phoneApp, phone)).items.at(-1)!.id;
    expect((await seen(phone, newest)).statusCode).toBe(200);
    const late = await seen(phone, oldest);
    expect(late.json().seenAt).toBe('2026-03-20T12:00:00.000Z');
    expect((await bell(phoneApp, phone)).badgeCount).toBe(0);
  });

  it("refuses another person's notification (404) and a malformed id (400), changing nothing", async () => {
    const theirs = await notify(other.id, 'For Olly', '2026-03-20T13:00:00Z');
    const r = await seen(phone, theirs);
    expect([r.statusCode, r.json().error.code]).toEqual([404, 'NOTIFICATION_NOT_FOUND']);
    const [olly] = await phoneApp.database.db.select().from(users).where(eq(users.id, other.id));
    expect(olly!.notificationsSeenAt).toBeNull();
    expect((await bell(phoneApp, other)).badgeCount).toBe(1);
    const bad = await seen(phone, 'not-an-id');
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'VALIDATION_ERROR']);
  });
});
