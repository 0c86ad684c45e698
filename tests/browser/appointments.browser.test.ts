import type { APIResponse, Browser, Page } from 'playwright-core';
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
  type FreshClient,
} from './support/browser';

/*
 * 1-on-1 appointments as people use them: hidden while the flag is off; an admin switches it on
 * in Settings; a client with a PT pack books a PT slot on a phone; the coach sees it in their
 * calendar. The test makes its own service, hours and pack (through the API, as the admin), so
 * the demo studio's own appointments cannot get in the way, and switches the flag off at the end
 * (the browser suite shares one server).
 */

let browser: Browser;
let admin: Page;
let timeZone: string;

const account = (key: string) => DEMO_ACCOUNTS.find((a) => a.key === key)!;
let client: FreshClient; // a client of its own: another test may have sold a demo client a pack that pays first
const coach = account('coach1');

async function json<T>(response: APIResponse): Promise<T> {
  if (!response.ok()) throw new Error(`${response.url()} → ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

async function userId(email: string): Promise<string> {
  const list = await json<{ users: Array<{ id: string; email: string }> }>(
    await admin.request.get(`/api/admin/users?query=${encodeURIComponent(email)}`),
  );
  return list.users.find((u) => u.email === email)!.id;
}

const localDate = (instant: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

const setFlag = async (on: boolean) =>
  json(await admin.request.put('/api/admin/settings/features.appointments.enabled', { data: { value: on } }));

/** A PT service taught by the coach, the coach's hours every day, and a PT 5-pack for the client. */
async function preparePersonalTraining(name: string) {
  const coachId = await userId(coach.email);
  const service = await json<{ id: string }>(
    await admin.request.post('/api/admin/appointment-services', {
      data: { name, durationMins: 45, creditCost: 1, minNoticeHours: 12, bookingHorizonDays: 30, coachIds: [coachId] },
    }),
  );
  const days = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'].map((weekday) => ({
    weekday,
    ranges: [{ start: '06:00', end: '21:00' }],
  }));
  await json(await admin.request.put(`/api/coaches/${coachId}/availability/weekly`, { data: { days } }));
  const plan = await json<{ id: string }>(
    await admin.request.post('/api/admin/plans', {
      data: {
        name: `${name} 5-pack`,
        type: 'PACK',
        totalCredits: 5,
        price: 150,
        coversAllClassTypes: false,
        appointmentServiceIds: [service.id],
      },
    }),
  );
  await json(
    await admin.request.post(`/api/admin/users/${await userId(client.email)}/memberships`, {
      data: { planId: plan.id, startDate: localDate(new Date()) },
    }),
  );
  return service.id;
}

async function closeToasts(page: Page) {
  for (const button of await page.getByRole('button', { name: 'Close toast' }).all())
    await button.click().catch(() => undefined);
  await page.locator('[data-sonner-toast]').first().waitFor({ state: 'detached', timeout: 10_000 });
}

/** Desktop and phone screenshots with no serious axe violations and nothing sticking out sideways. */
async function screenshotBothSizes(page: Page, name: string) {
  await page.setViewportSize(DESKTOP);
  await screenshot(page, `${name}-desktop`);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-phone`);
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

beforeAll(async () => {
  browser = await launchBrowser();
  client = await signUpFreshClient(browser, 'Pat');
  admin = await newPage(browser, DESKTOP);
  await signIn(admin, account('admin').email);
  timeZone = (await json<{ studio: { timezone: string } }>(await admin.request.get('/api/settings/public'))).studio
    .timezone;
}, 240_000);
afterAll(async () => {
  if (admin) await setFlag(false).catch(() => undefined);
  await browser?.close();
});

describe('1-on-1 appointments in the browser', () => {
  it('leave no trace while the flag is off', { timeout: 120_000 }, async () => {
    await setFlag(false);
    const page = await newPage(browser, PHONE);
    await signIn(page, client.email, client.password);
    await page.getByRole('button', { name: 'Open menu' }).click();
    const menu = page.getByRole('dialog');
    await menu.getByRole('link', { name: 'Profile' }).waitFor();
    expect(await menu.getByRole('link', { name: /1-on-1/ }).count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(await page.getByText(/1-on-1/).count()).toBe(0); // no home widget either
    await page.goto('/book');
    await page.getByText('That part of the app is turned off for this studio.').waitFor();
    await page.context().close();
  });

  it('a client with a PT pack books a PT slot on a phone; the coach sees it', { timeout: 900_000 }, async () => {
    await admin.goto('/admin/settings');
    await admin.getByRole('switch', { name: '1-on-1 appointments' }).click();
    await expect.poll(() => admin.getByRole('switch', { name: '1-on-1 appointments' }).isChecked()).toBe(true);
    const serviceName = `PT 45 ${Date.now().toString(36)}`;
    const serviceId = await preparePersonalTraining(serviceName);
    await admin.goto('/admin/appointment-services');
    await admin.getByRole('heading', { name: serviceName }).waitFor();
    await screenshotBothSizes(admin, 'appointments-admin-services');
    await admin.setViewportSize(DESKTOP);
    await admin.getByRole('button', { name: `Edit ${serviceName}` }).click();
    await admin.getByRole('dialog', { name: `Edit ${serviceName}` }).waitFor();
    await screenshotBothSizes(admin, 'appointments-admin-service-form');
    await admin.setViewportSize(DESKTOP);
    const serviceDialog = admin.getByRole('dialog', { name: `Edit ${serviceName}` });
    await serviceDialog.getByLabel('Name').fill('');
    await serviceDialog.getByRole('button', { name: 'Save' }).click();
    await serviceDialog.getByText('Name cannot be empty').waitFor();
    await serviceDialog.getByLabel('Name').fill(serviceName);
    await serviceDialog.getByLabel('Description').fill('One coach, one client, your plan.');
    await serviceDialog.getByRole('button', { name: 'Save' }).click();
    await admin.getByText(`${serviceName} saved.`).waitFor();
    await admin.getByText('One coach, one client, your plan.').waitFor();

    // Three days ahead: past the minimum notice and well before the late-cancel cutoff.
    const day = localDate(new Date(Date.now() + 3 * 86_400_000));
    const page = await newPage(browser, PHONE);
    await signIn(page, client.email, client.password);
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'Book a 1-on-1' }).click();
    await page.getByRole('heading', { name: 'Book a 1-on-1', level: 1 }).waitFor();
    await page.getByRole('radio', { name: new RegExp(serviceName) }).check();
    await page.getByLabel('Coach', { exact: true }).selectOption({ label: coach.name });
    await page.goto(`/book?service=${serviceId}&coach=${await userId(coach.email)}&day=${day}`);
    await page.getByText(`Paid from ${serviceName} 5-pack`, { exact: false }).waitFor();
    const times = page.getByRole('list', { name: 'Free times' });
    await times.getByRole('button').first().waitFor();
    await screenshotBothSizes(page, 'appointments-client-book');
    await page.setViewportSize(PHONE);
    const slot = times.getByRole('button').nth(4);
    const time = (await slot.innerText()).trim().slice(0, 5);
    await slot.click();
    await page.getByRole('button', { name: /^Book .* at / }).click();
    const dialog = page.getByRole('dialog', { name: `Book ${serviceName}?` });
    await dialog.getByText(/Paid from/).waitFor();
    await screenshot(page, 'appointments-client-confirm-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Confirm booking' }).click();
    await page.waitForURL(/\/my-schedule/);
    const section = page.getByRole('region', { name: 'Upcoming' });
    await section.getByText(serviceName).waitFor();
    await section.getByText(new RegExp(`${time}–`)).waitFor();
    await closeToasts(page);
    await screenshotBothSizes(page, 'appointments-client-my-schedule');
    await page.setViewportSize(PHONE);
    await section.getByRole('button', { name: new RegExp(`^Cancel ${serviceName}`) }).click();
    await page
      .getByRole('dialog', { name: 'Cancel this appointment?' })
      .getByText(/will be given back/)
      .waitFor();
    await screenshot(page, 'appointments-client-cancel-dialog-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Keep it' }).click();
    await page.context().close();

    const coachPage = await newPage(browser, DESKTOP);
    await signIn(coachPage, coach.email);
    await coachPage.getByRole('link', { name: 'My calendar' }).first().click();
    await coachPage.getByRole('heading', { name: 'My calendar', level: 1 }).waitFor();
    await coachPage.goto(`/appointments/calendar?day=${day}`);
    const entry = coachPage.getByRole('button', { name: new RegExp(`${serviceName}.*${client.name}`) }).first();
    await entry.waitFor();
    await screenshotBothSizes(coachPage, 'appointments-coach-calendar');
    await coachPage.setViewportSize(DESKTOP);
    await entry.click();
    await coachPage.getByRole('dialog', { name: serviceName }).getByText(`${client.name} (${client.email})`).waitFor();
    await screenshotBothSizes(coachPage, 'appointments-coach-appointment');
    // Moving it keeps the appointment's own coach unless the coach chooses another.
    await coachPage.setViewportSize(DESKTOP);
    const appointment = coachPage.getByRole('dialog', { name: serviceName });
    await appointment.getByRole('button', { name: 'Move' }).click();
    const coachChoice = appointment.getByLabel('Coach', { exact: true });
    await expect.poll(() => coachChoice.locator('option:checked').innerText()).toBe(`${coach.name} (current)`);
    const firstTime = appointment.getByRole('list', { name: 'Free times' }).getByRole('button').first();
    await expect.poll(() => firstTime.innerText()).toContain(coach.name.split(' ')[0]!);
    await screenshotBothSizes(coachPage, 'appointments-coach-move');
    await appointment.getByRole('button', { name: 'Back' }).click();
    await coachPage.goto('/appointments/availability');
    await coachPage.getByRole('heading', { name: 'Weekly hours' }).waitFor();
    await screenshotBothSizes(coachPage, 'appointments-coach-availability');
    await coachPage.context().close();

    await admin.goto('/admin/plans');
    await admin.getByRole('button', { name: new RegExp(`Edit ${serviceName} 5-pack`) }).click();
    await admin.getByRole('group', { name: '1-on-1 services it pays for' }).waitFor();
    await screenshotBothSizes(admin, 'appointments-admin-plan-form');
  });
});
