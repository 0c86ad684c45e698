import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  PHONE,
  launchBrowser,
  newPage,
  screenshot,
  seriousA11yViolations,
  signIn,
  signUpFreshClient,
  type FreshClient,
} from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('people, as the studio manages them', () => {
  const email = `coach.${Date.now()}@example.test`;

  it('an admin adds a coach, who sets a password from the invite in the outbox and signs in', async () => {
    const admin = await newPage(browser, DESKTOP);
    await signIn(admin, 'admin@roster.test');
    await admin.goto('/admin/users');
    await admin.getByRole('button', { name: 'Add a person' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Ines Invited');
    await dialog.getByLabel('Email').fill('not-an-email');
    await dialog.getByRole('button', { name: 'Add and send invite' }).click();
    await dialog.getByText('Enter an email address like name@example.com').waitFor();
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('Phone').fill('+44 7700 900321');
    await dialog.getByLabel('Role').selectOption('COACH');
    await screenshot(admin, 'people-add-person-desktop');
    expect(await seriousA11yViolations(admin)).toEqual([]);
    await dialog.getByRole('button', { name: 'Add and send invite' }).click();
    await admin.getByText(`An invite is on its way to ${email}`).waitFor();

    await admin.getByRole('link', { name: 'Ines Invited' }).click();
    await admin.getByRole('heading', { name: 'Details' }).waitFor();
    await admin.getByText('Has not chosen a password yet').waitFor();
    await admin.getByRole('link', { name: '+44 7700 900321' }).waitFor();
    await screenshot(admin, 'people-person-details-desktop');

    await admin.goto('/admin/outbox');
    const item = admin.locator('li', { hasText: `To ${email}` }).first();
    await item.getByText(/invited you to Roster/).click();
    const link = await item.getByRole('link').first().getAttribute('href');
    expect(link).toMatch(/reset-password\?token=.+&invite=1/);
    await admin.context().close();

    const coach = await newPage(browser, PHONE);
    await coach.goto(link!);
    await coach.getByRole('heading', { name: 'Welcome! Choose your password' }).waitFor();
    await coach.getByLabel('Password').fill('ines-chose-this-1');
    await screenshot(coach, 'people-invite-password-phone');
    expect(await seriousA11yViolations(coach)).toEqual([]);
    await coach.getByRole('button', { name: 'Save password' }).click();
    await coach.waitForURL(/\/sign-in\?reset=done/);
    await signIn(coach, email, 'ines-chose-this-1');
    await coach.getByRole('heading', { name: /Ines/ }).waitFor();
    await coach.context().close();
  });

  it('an admin confirms a role change before it happens, on a phone', async () => {
    const admin = await newPage(browser, PHONE);
    await signIn(admin, 'admin@roster.test');
    await admin.goto('/admin/users');
    await admin.getByLabel('Filter by role').selectOption('COACH');
    expect(await admin.getByLabel('Filter by role').locator('option').allTextContents()).toContain('Coaches');
    await admin.getByLabel('Role of Ines Invited').selectOption('ADMIN');
    const dialog = admin.getByRole('dialog');
    await dialog.getByText('Role: Coach → Admin').waitFor();
    await screenshot(admin, 'people-role-confirm-phone');
    await dialog.getByRole('button', { name: 'Keep coach' }).click();
    await expect(admin.getByLabel('Role of Ines Invited').inputValue()).resolves.toBe('COACH');
    await admin.context().close();
  });
});

describe("a client's waiver and health notes", () => {
  const title = `Waiver class ${Date.now().toString(36)}`;
  let admin: Page;
  let sessionId: string;
  let client: FreshClient; // a client of its own: another browser file may have booked or sold a demo client things

  async function call<T>(method: 'get' | 'post' | 'put', url: string, data?: unknown): Promise<T> {
    const response = await admin.request[method](url, data === undefined ? undefined : { data });
    if (!response.ok()) throw new Error(`${url} → ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  }
  const userIdOf = async (email: string) =>
    (await call<{ users: Array<{ id: string; email: string }> }>('get', `/api/admin/users?query=${email}`)).users.find(
      (u) => u.email === email,
    )!.id;

  beforeAll(async () => {
    client = await signUpFreshClient(browser, 'Wendy');
    admin = await newPage(browser, DESKTOP);
    await signIn(admin, 'admin@roster.test');
    const classType = await call<{ id: string }>('post', '/api/class-types', {
      name: title,
      defaultCapacity: 6,
      defaultDurationMins: 45,
      creditCost: 1,
    });
    // 05:00 UTC two days on: past the late-cancel window and before the demo coaches' 1-on-1 hours,
    // so no seeded appointment makes the class clash with Gav's time.
    const start = new Date(Date.now() + 2 * 86_400_000);
    start.setUTCHours(5, 0, 0, 0);
    sessionId = (
      await call<{ id: string }>('post', '/api/sessions', {
        classTypeId: classType.id,
        coachId: await userIdOf('gav@roster.test'),
        startTime: start.toISOString(),
      })
    ).id;
    await call('post', `/api/admin/users/${await userIdOf(client.email)}/credits`, {
      amount: 1,
      reason: 'Browser test credit',
    });
  });
  // The waiver applies to the whole demo studio: the other browser files book without one.
  afterAll(async () => {
    await call('put', '/api/admin/waiver', { text: '' });
    await admin.context().close();
  });

  it('the admin publishes a waiver and writes a health note on the client page', async () => {
    await admin.goto('/admin/settings');
    await admin.getByLabel('Waiver text').fill('I am fit to train and will tell my coach about any injury.');
    await admin.getByRole('button', { name: 'Publish as a new version' }).click();
    await admin.getByText(/Version \d+ published/).waitFor();
    await screenshot(admin, 'people-waiver-settings-desktop');
    expect(await seriousA11yViolations(admin)).toEqual([]);

    await admin.goto('/members');
    await admin.getByLabel('Search by name or email').fill(client.email);
    await admin.getByRole('link', { name: client.name }).click();
    await admin.getByRole('heading', { name: client.name }).waitFor();
    await admin.getByRole('button', { name: 'Edit profile' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Health notes and injuries').fill('Old shoulder injury: no overhead pressing.');
    await dialog.getByLabel('Emergency contact').fill('Dana Doyle');
    await dialog.getByLabel('Their phone').fill('07700 900777');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await admin.getByText('Old shoulder injury: no overhead pressing.').waitFor();
    await admin.getByText('Not accepted yet').waitFor();
  });

  it('a client accepts the waiver before their first booking, on a phone', async () => {
    const phone = await newPage(browser, PHONE);
    await signIn(phone, client.email, client.password);
    await phone.goto(`/classes/${sessionId}`);
    await phone.getByRole('button', { name: new RegExp(`^Book: ${title}`) }).click();
    const dialog = phone.getByRole('dialog', { name: 'Before your first class' });
    await dialog.getByText('I am fit to train and will tell my coach about any injury.').waitFor();
    await screenshot(phone, 'people-waiver-dialog-phone');
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await dialog.getByRole('button', { name: 'I accept and book' }).click();
    await phone.getByText(new RegExp(`^Booked: ${title}`)).waitFor();
    await phone.context().close();
  });

  it('a coach opens the client from the class roster and sees the health note', async () => {
    const coach = await newPage(browser, DESKTOP);
    await signIn(coach, 'gav@roster.test');
    await coach.goto(`/classes/${sessionId}`);
    await coach.getByRole('link', { name: client.name }).click();
    await coach.getByRole('heading', { name: client.name }).waitFor();
    await coach.getByText('Old shoulder injury: no overhead pressing.').waitFor();
    await coach.getByText(/^Accepted /).waitFor();
    await coach.getByRole('link', { name: '07700 900777' }).waitFor();
    await screenshot(coach, 'people-client-page-desktop');
    expect(await seriousA11yViolations(coach)).toEqual([]);
    await coach.setViewportSize(PHONE);
    await screenshot(coach, 'people-client-page-phone');
    await coach.context().close();
  });
});

describe("a client's own details and the bell", () => {
  it('a client fills in their contact and health details; opening notifications on the phone clears the desktop badge', async () => {
    const client = await signUpFreshClient(browser, 'Pia');
    const admin = await newPage(browser, DESKTOP);
    await signIn(admin, 'admin@roster.test');
    const found = await admin.request.get(`/api/admin/users?query=${encodeURIComponent(client.email)}`);
    const clientId = ((await found.json()) as { users: Array<{ id: string }> }).users[0]!.id;
    const credit = await admin.request.post(`/api/admin/users/${clientId}/credits`, {
      data: { amount: 1, reason: 'Welcome credit' },
    });
    expect(credit.ok()).toBe(true);
    await admin.context().close();

    const phone = await newPage(browser, PHONE);
    await signIn(phone, client.email, client.password);
    await phone.goto('/profile');
    const card = phone.locator('form', { hasText: 'Health notes and injuries' });
    await card.getByLabel('Your phone').fill('07700 900246');
    await card.getByLabel('Emergency contact').fill('Rob Fresh');
    await card.getByLabel('Their phone').fill('07700 900135');
    await card.getByLabel('Date of birth').fill('2999-01-01');
    await card.getByLabel('Health notes and injuries').fill('Recovering from a sprained ankle.');
    await card.getByRole('button', { name: 'Save details' }).click();
    await card.getByText('Date of birth must be between 1900 and today').waitFor();
    await card.getByLabel('Date of birth').fill('1992-05-17');
    await card.getByRole('button', { name: 'Save details' }).click();
    await phone.getByText('Your contact and health details are saved.').waitFor();
    await screenshot(phone, 'people-own-profile-phone');
    expect(await seriousA11yViolations(phone)).toEqual([]);

    const desktop = await newPage(browser, DESKTOP);
    await signIn(desktop, client.email, client.password);
    await desktop.goto('/profile');
    await expect(desktop.getByLabel('Health notes and injuries').inputValue()).resolves.toBe(
      'Recovering from a sprained ankle.',
    );
    await screenshot(desktop, 'people-own-profile-desktop');
    await desktop.getByRole('link', { name: 'Notifications, 1 unread' }).waitFor();

    const markedSeen = phone.waitForResponse((r) => r.url().endsWith('/api/me/notifications/seen') && r.ok());
    await phone.goto('/notifications');
    await phone.getByText('Welcome credit', { exact: false }).first().waitFor();
    await markedSeen;
    await desktop.reload({ waitUntil: 'networkidle' });
    await desktop.getByLabel('Health notes and injuries').waitFor();
    expect(await desktop.getByRole('link', { name: /^Notifications, \d+ unread$/ }).count()).toBe(0);
    // Still unread until read: opening only cleared the badge.
    await desktop.goto('/notifications');
    await desktop.getByRole('button', { name: /^Mark as read/ }).waitFor();
    // Each control names its message in plain words ("Open : The studio…" was the sr-only span's doing).
    const title = 'The studio added 1 credit';
    await desktop.getByRole('button', { name: `Mark as read: ${title}`, exact: true }).waitFor();
    await desktop.getByRole('link', { name: `Open notification: ${title}`, exact: true }).waitFor();
    await phone.context().close();
    await desktop.context().close();
  });
});
