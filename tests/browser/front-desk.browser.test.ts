import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/seed/demo-accounts';
import {
  DESKTOP,
  PHONE,
  launchBrowser,
  newPage,
  screenshot,
  seriousA11yViolations,
  signIn,
  signUpFreshClient,
} from './support/browser';

/*
 * The front desk: staff add a client who has no credits as a comp, and move a class keeping its
 * length. Each test schedules its own class in a class type of its own, through the API as the admin.
 */

let browser: Browser;
let admin: Page;
const account = (key: string) => DEMO_ACCOUNTS.find((a) => a.key === key)!;

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!response.ok()) throw new Error(`${response.url()} → ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

async function userId(email: string): Promise<string> {
  const list = await json<{ users: Array<{ id: string; email: string }> }>(
    await admin.request.get(`/api/admin/users?query=${encodeURIComponent(email)}`),
  );
  return list.users.find((u) => u.email === email)!.id;
}

async function scheduleClass(title: string, startTime: Date, durationMins = 30) {
  const classType = await json<{ id: string }>(
    await admin.request.post('/api/class-types', {
      data: { name: title, defaultCapacity: 4, defaultDurationMins: durationMins, creditCost: 1 },
    }),
  );
  return json<{ id: string; startTime: string; endTime: string }>(
    await admin.request.post('/api/sessions', {
      data: {
        classTypeId: classType.id,
        coachId: await userId(account('coach1').email),
        startTime: startTime.toISOString(),
      },
    }),
  );
}

/** Desktop and phone screenshots with no serious axe violations. */
async function screenshotBothSizes(page: Page, name: string) {
  await page.setViewportSize(DESKTOP);
  await screenshot(page, `${name}-desktop`);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-phone`);
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.setViewportSize(DESKTOP);
}

/** Tomorrow at `hour`:00 on this machine's clock (the browser pages run in Europe/London, as the demo studio). */
function tomorrowAt(hour: number, minute = 0): Date {
  const d = new Date(Date.now() + 86_400_000);
  d.setUTCHours(hour, minute, 0, 0);
  return d;
}

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await newPage(browser, DESKTOP);
  await signIn(admin, account('admin').email);
}, 240_000);
afterAll(async () => browser?.close());

describe('the front desk in the browser', () => {
  it('staff comp-book a client who has no credits', { timeout: 240_000 }, async () => {
    const suffix = Date.now().toString(36);
    const newcomer = { name: `Nia Walkin ${suffix}`, email: `nia.${suffix}@example.test`, password: 'walk-in-pass-42' };
    const phone = await newPage(browser, PHONE);
    await phone.goto('/sign-up');
    await phone.getByLabel('Your name').fill(newcomer.name);
    await phone.getByLabel('Email').fill(newcomer.email);
    await phone.getByLabel('Password').fill(newcomer.password);
    await phone.getByRole('button', { name: 'Create account' }).click();
    await phone.getByRole('heading', { name: /Nia/ }).waitFor();
    await phone.context().close();

    const title = `Drop-in ${suffix}`;
    const session = await scheduleClass(title, tomorrowAt(11));
    const coach = await newPage(browser, DESKTOP);
    await signIn(coach, account('coach1').email);
    await coach.goto(`/classes/${session.id}`);
    await coach.getByRole('heading', { name: title, level: 1 }).waitFor();
    await coach.getByRole('button', { name: 'Add client' }).click();
    const sheet = coach.getByRole('dialog', { name: 'Add a client' });
    await sheet.getByLabel('Search by name or email').fill(newcomer.name);
    await sheet.getByRole('button', { name: `Add ${newcomer.name}` }).click();
    await sheet.getByText(`${newcomer.name} has no credits left for this class`).waitFor();
    await sheet.getByRole('button', { name: `Add ${newcomer.name} free` }).click();
    await sheet.getByText('Say why this place is free').waitFor();
    await screenshotBothSizes(coach, 'front-desk-comp-sheet');
    await sheet.getByLabel('Why is it free?').fill('First class free');
    await sheet.getByRole('button', { name: `Add ${newcomer.name} free` }).click();
    await coach.getByText(`${newcomer.name} is booked in free (comp).`).waitFor();
    await coach.getByRole('heading', { name: 'Booked (1 of 4)' }).waitFor();
    await coach.getByText('Comp', { exact: true }).waitFor();
    await coach
      .getByRole('button', { name: 'Close toast' })
      .click()
      .catch(() => undefined);
    await screenshotBothSizes(coach, 'front-desk-comp-roster');
    await coach.context().close();
  });

  it('staff undo a desk payment recorded by mistake, after confirming', { timeout: 120_000 }, async () => {
    const client = await signUpFreshClient(browser, 'Una');
    const title = `Desk undo ${Date.now().toString(36)}`;
    const session = await scheduleClass(title, tomorrowAt(12));
    const booked = await json<{ id: string }>(
      await admin.request.post(`/api/sessions/${session.id}/desk-bookings`, {
        data: { userId: await userId(client.email), payment: 'AT_DESK' },
      }),
    );
    await json(await admin.request.post(`/api/registrations/${booked.id}/paid`));
    await admin.goto(`/classes/${session.id}`);
    await admin.getByText('Paid at desk', { exact: true }).waitFor();
    await admin.getByRole('button', { name: `Mark as unpaid — ${client.name}` }).click();
    const dialog = admin.getByRole('dialog', { name: `Mark ${client.name} as unpaid?` });
    await screenshotBothSizes(admin, 'front-desk-unpaid-confirm');
    await dialog.getByRole('button', { name: 'Mark as unpaid' }).click();
    await admin.getByText(`${client.name} owes for this class again.`).waitFor();
    await admin.getByText('Owes — pay at desk').waitFor();
    await admin.getByRole('button', { name: `Mark paid — ${client.name}` }).waitFor();
    await screenshotBothSizes(admin, 'front-desk-unpaid-roster');
  });

  it(
    'a class moved to a later start keeps its length, and Save is in view at 1280×800',
    { timeout: 240_000 },
    async () => {
      const title = `Move me ${Date.now().toString(36)}`;
      const session = await scheduleClass(title, tomorrowAt(9), 25);
      const coach = await newPage(browser, { width: 1280, height: 800 });
      await signIn(coach, account('coach1').email);
      await coach.goto(`/classes/${session.id}`);
      await coach.getByRole('heading', { name: title, level: 1 }).waitFor();
      await coach.getByRole('button', { name: 'Edit' }).click();
      const dialog = coach.getByRole('dialog', { name: 'Edit class' });
      const starts = dialog.getByLabel('Starts');
      const ends = dialog.getByLabel('Ends');
      const before = { start: await starts.inputValue(), end: await ends.inputValue() };
      const [h, m] = before.start.split(':').map(Number) as [number, number];
      const later = `${String(h).padStart(2, '0')}:${String(m + 30).padStart(2, '0')}`;
      await starts.fill(later);
      expect(await ends.inputValue()).not.toBe(before.end);
      const save = dialog.getByRole('button', { name: 'Save' });
      expect(await save.isVisible()).toBe(true);
      const box = await save.boundingBox();
      expect(box!.y + box!.height).toBeLessThanOrEqual(800);
      await screenshot(coach, 'front-desk-edit-class-1280x800');
      expect(await seriousA11yViolations(coach)).toEqual([]);
      await save.click();
      await coach.getByText('Class saved.').waitFor();
      const after = await json<{ startTime: string; endTime: string }>(
        await admin.request.get(`/api/sessions/${session.id}`),
      );
      expect(Date.parse(after.startTime) - Date.parse(session.startTime)).toBe(30 * 60_000);
      expect(Date.parse(after.endTime) - Date.parse(after.startTime)).toBe(25 * 60_000);
      await coach.context().close();
    },
  );

  it(
    'a client without credits sees why on Classes, finds class settings on the profile; a late booking asks first',
    { timeout: 300_000 },
    async () => {
      const suffix = Date.now().toString(36);
      const email = `walkin.${suffix}@example.test`;
      const phone = await newPage(browser, PHONE);
      await phone.goto('/sign-up');
      await phone.getByLabel('Your name').fill(`Wren Walkin ${suffix}`);
      await phone.getByLabel('Email').fill(email);
      await phone.getByLabel('Password').fill('walk-in-pass-42');
      await phone.getByRole('button', { name: 'Create account' }).click();
      await phone.getByRole('heading', { name: /Wren/ }).waitFor();

      // Inside its late-cancel time (the class type's default: 2 hours before the start).
      const title = `Soon ${suffix}`;
      const start = new Date(Math.ceil((Date.now() + 70 * 60_000) / 60_000) * 60_000);
      const session = await scheduleClass(title, start);
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(start);
      await phone.goto(`/classes?day=${day}`);
      const card = phone.getByRole('article', { name: title });
      await card.getByText('No credits for this date').waitFor();
      await card.getByRole('link', { name: `Get credits for ${title}` }).waitFor();
      await screenshotBothSizes(phone, 'front-desk-classes-no-credits');

      await phone.goto('/profile');
      await phone.getByRole('switch', { name: 'Class reminders' }).waitFor();
      expect(await phone.getByRole('switch', { name: 'Class reminders' }).getAttribute('aria-checked')).toBe('true');
      await screenshotBothSizes(phone, 'front-desk-profile-class-settings');

      await json(
        await admin.request.post(`/api/admin/users/${await userId(email)}/credits`, {
          data: { amount: 1, reason: 'Browser test credit' },
        }),
      );
      await phone.goto(`/classes/${session.id}`);
      await phone.getByRole('button', { name: new RegExp(`^Book: ${title}`) }).click();
      const confirm = phone.getByRole('dialog', { name: 'Book without a way back?' });
      await confirm.getByText("you can't cancel this one without losing the credit").waitFor();
      await screenshot(phone, 'front-desk-late-booking-confirm-phone');
      expect(await seriousA11yViolations(phone)).toEqual([]);
      await confirm.getByRole('button', { name: 'Book anyway' }).click();
      await phone.getByText(new RegExp(`^Booked: ${title}`)).waitFor();

      await phone.goto('/notifications');
      await phone.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
      await screenshotBothSizes(phone, 'front-desk-notifications');
      await phone.context().close();

      // The admin books a pause for dates from the client's page.
      const member = await userId(email);
      const plan = await json<{ id: string }>(
        await admin.request.post('/api/admin/plans', {
          data: { name: `Weekly ${suffix}`, type: 'RECURRING', creditsPerWeek: 2, price: 40 },
        }),
      );
      await json(
        await admin.request.post(`/api/admin/users/${member}/memberships`, {
          data: { planId: plan.id, startDate: day },
        }),
      );
      await admin.goto(`/admin/users/${member}`);
      await admin.getByRole('button', { name: `Pause for dates: Weekly ${suffix}` }).click();
      const pause = admin.getByRole('dialog', { name: `Pause Weekly ${suffix}` });
      await pause.getByRole('button', { name: 'Book the pause' }).click();
      await pause.getByText('Reason cannot be empty').waitFor();
      await admin.setViewportSize(PHONE);
      await screenshot(admin, 'front-desk-pause-dialog-phone');
      expect(await seriousA11yViolations(admin)).toEqual([]);
      const inputs = await pause.locator('input[type="date"]').all();
      for (const input of inputs) {
        const box = (await input.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      }
      await admin.setViewportSize(DESKTOP);
      await pause.getByRole('button', { name: 'Close' }).first().click();
    },
  );
});
