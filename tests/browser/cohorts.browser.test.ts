import type { APIRequestContext, Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/seed/demo-accounts';
import { DESKTOP, PHONE, launchBrowser, newPage, screenshot, seriousA11yViolations, signIn } from './support/browser';

/*
 * Cohorts as people use them. A coach sets up a cohort that started six days ago (so today is
 * the last day of week 1 and its questionnaire is open) and enrols a client who just signed up;
 * the client checks in and submits the questionnaire on a phone; the coach reviews it and
 * publishes feedback; the client reads it. Then the admin switches cohorts off and no trace of
 * them is left in the app (the flag is restored afterwards: the browser suite shares a server).
 */

let browser: Browser;
let admin: Page;
let timeZone: string;

const account = (key: string) => DEMO_ACCOUNTS.find((a) => a.key === key)!;
const run = Date.now();
const client = { name: 'Casey Cohort', email: `casey.cohort.${run}@example.test`, password: 'casey-password-1' };
const cohortName = `Browser Challenge ${run}`;
let cohortPath = '';

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!response.ok()) throw new Error(`${response.url()} → ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The studio-local date `days` days from today (the cohort's dates are studio dates). */
function studioDate(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Toasts fade on their own; close them so axe looks at the page itself. */
async function closeToasts(page: Page) {
  for (const button of await page.getByRole('button', { name: 'Close toast' }).all())
    await button.click().catch(() => undefined);
  await page.locator('[data-sonner-toast]').first().waitFor({ state: 'detached', timeout: 10_000 });
}

/** Where the person is looking: on screen and not under a sticky bar (the middle of it is hit-testable). */
function inSight(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && el.contains(hit);
  });
}

async function setCohortsFeature(enabled: boolean) {
  await json(await admin.request.put('/api/admin/settings/features.cohorts.enabled', { data: { value: enabled } }));
}

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await newPage(browser, DESKTOP);
  await signIn(admin, account('admin').email);
  timeZone = (await json<{ studio: { timezone: string } }>(await admin.request.get('/api/settings/public'))).studio
    .timezone;
});
afterAll(async () => {
  // Whatever happened, leave cohorts on for the other browser tests.
  if (admin) await setCohortsFeature(true).catch(() => undefined);
  await browser?.close();
});

describe('cohorts in the browser', () => {
  it('a coach creates a cohort and enrols a client who just signed up', async () => {
    const phone = await newPage(browser, PHONE);
    await phone.goto('/sign-up');
    await phone.getByLabel('Your name').fill(client.name);
    await phone.getByLabel('Email').fill(client.email);
    await phone.getByLabel('Password').fill(client.password);
    await phone.getByRole('button', { name: 'Create account' }).click();
    await phone.getByRole('heading', { name: /Casey/ }).waitFor();
    await phone.context().close();

    const coach = await newPage(browser, DESKTOP);
    await signIn(coach, account('coach1').email);
    await coach
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Cohorts', exact: true })
      .click();
    await coach.getByRole('link', { name: 'New cohort' }).click();
    // Checked with the API's schema before sending: what is missing shows under its field.
    await coach.getByLabel('Places (optional)').fill('0');
    await coach.getByRole('button', { name: 'Create cohort' }).click();
    await coach.getByText('Pick the day week 1 starts').waitFor();
    await coach.getByText('Name cannot be empty').waitFor();
    expect(await coach.getByLabel('Places (optional)').getAttribute('aria-invalid')).toBe('true');
    for (const [size, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      await coach.setViewportSize(viewport);
      await screenshot(coach, `cohort-form-client-error-${size}`);
      expect(await seriousA11yViolations(coach)).toEqual([]);
    }
    await coach.setViewportSize(DESKTOP);
    await coach.getByLabel('Places (optional)').fill('');
    await coach.getByLabel('Name', { exact: true }).fill(cohortName);
    await coach.getByLabel('Start date').fill(studioDate(-6));
    await coach.getByRole('button', { name: 'Create cohort' }).click();
    await coach.getByRole('heading', { name: cohortName }).waitFor();
    cohortPath = new URL(coach.url()).pathname;
    expect(cohortPath).toMatch(/^\/cohorts\/[0-9a-f-]{36}$/);
    await expect(
      coach
        .getByText(/Week 1 of 6/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);

    // Editing sends only what changed; a started cohort keeps its start date.
    await coach.goto(`${cohortPath}/edit`);
    expect(await coach.getByLabel('Start date').getAttribute('readonly')).not.toBeNull();
    await coach.getByLabel('Places (optional)').fill('12');
    const patch = coach.waitForRequest((r) => r.method() === 'PATCH' && r.url().endsWith(`/api${cohortPath}`));
    await coach.getByRole('button', { name: 'Save changes' }).click();
    expect((await patch).postDataJSON()).toEqual({ capacity: 12 });
    await coach.getByText('Cohort saved.').waitFor();
    await coach.getByRole('heading', { name: cohortName }).waitFor();

    await coach.getByRole('button', { name: 'Enrol clients' }).click();
    await coach.getByLabel('Find a client').fill(client.email);
    await coach.getByRole('button', { name: `Enrol ${client.name}` }).click();
    await coach.getByRole('list', { name: 'Matching clients' }).getByText('Enrolled').waitFor();
    await coach.getByRole('button', { name: 'Done' }).click();
    await coach.getByRole('link', { name: client.name }).waitFor();
    await closeToasts(coach);
    await screenshot(coach, 'cohorts-coach-cohort-desktop');
    expect(await seriousA11yViolations(coach)).toEqual([]);
    await coach.context().close();
  });

  it('the client checks in and submits the week 1 questionnaire on a phone', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, client.email, client.password);
    await page.getByRole('navigation', { name: 'Quick navigation' }).getByRole('link', { name: 'My cohort' }).click();
    await page.getByRole('heading', { name: cohortName }).waitFor();
    await page.getByText('Week 1 of 6').waitFor();

    // Weight is the one required prompt: leaving it blank is refused under the field, brought into
    // view from the button at the bottom of a form taller than the phone.
    const checkIn = page.getByRole('button', { name: 'Check in', exact: true });
    await checkIn.scrollIntoViewIfNeeded();
    expect(await inSight(page.getByLabel('Weight in kg'))).toBe(false);
    await checkIn.click();
    const weightError = page.getByText(/Weight is required/);
    await weightError.waitFor();
    await expect.poll(() => inSight(weightError)).toBe(true);
    await page.getByLabel('Weight in kg').fill('82.4');
    await page.getByLabel(/^Steps/).fill('9200');
    await page
      .getByRole('group', { name: /Energy/ })
      .getByText('7', { exact: true })
      .click();
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await page.getByRole('heading', { name: 'Checked in today' }).waitFor();
    await page.locator('dd', { hasText: '82.4 kg' }).first().waitFor();
    await closeToasts(page);
    // A confirmation that stays (the toast fades), where the form was.
    await expect.poll(() => inSight(page.getByText("Saved — your coach can see today's check-in."))).toBe(true);
    await screenshot(page, 'cohorts-client-checked-in-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Answer the questionnaire' }).click();
    await page.getByRole('heading', { name: 'Week 1 questionnaire' }).waitFor();
    const longAnswers = page.locator('form textarea');
    // The heading shows before the questions have loaded; count() does not wait for them.
    await longAnswers.first().waitFor();
    const count = await longAnswers.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++)
      await longAnswers.nth(i).fill(`Week one, answer ${i + 1}: more steps than last month.`);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText(/Draft saved at/).waitFor();

    // The draft survives a reload; then every tap-to-answer question gets an answer.
    await page.reload();
    await expect(page.locator('form textarea').first().inputValue()).resolves.toBe(
      'Week one, answer 1: more steps than last month.',
    );
    const choices = page.locator('form fieldset');
    // Every required question left blank is named at once, before any "Submit and lock?" is asked.
    const blank = await choices.count();
    expect(blank).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByText(`${blank} answers need your attention before you submit.`).waitFor();
    expect(await page.getByText(/needs an answer before you submit/).count()).toBe(blank);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await screenshot(page, 'cohorts-client-questionnaire-errors-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    for (let i = 0; i < (await choices.count()); i++) await choices.nth(i).locator('label').nth(3).click();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Submit week 1?' });
    await confirm.getByText(/your answers are locked/).waitFor();
    await screenshot(page, 'cohorts-client-submit-confirm-phone');
    await confirm.getByRole('button', { name: 'Submit and lock' }).click();
    await page.getByText(/Submitted .* · locked/).waitFor();
    await page.getByText('Submitted. Your coach will read it and reply.').waitFor();
    await expect(page.locator('form textarea').count()).resolves.toBe(0);
    await page.getByText('Week one, answer 1: more steps than last month.').waitFor();
    await closeToasts(page);
    await screenshot(page, 'cohorts-client-submitted-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Once submitted the server refuses changes too (the UI no longer offers them).
    const again = await page.request.put('/api/me/questionnaires/1', { data: { answers: {}, submit: true } });
    expect(again.status()).toBe(409);
    await page.context().close();
  });

  it('the coach reviews the answers and publishes feedback, and the client reads it', async () => {
    const coach = await newPage(browser, DESKTOP);
    await signIn(coach, account('coach1').email);
    await coach.goto(`${cohortPath}/reviews`);
    await coach.getByRole('heading', { name: 'Review queue' }).waitFor();
    await coach.getByRole('link', { name: new RegExp(`${client.name} · Week 1`) }).click();
    await coach.getByRole('heading', { name: client.name }).waitFor();
    await coach.getByText('Week one, answer 1: more steps than last month.').waitFor();

    const message = 'Strong first week, Casey. Keep the steps up and add one strength session.';
    await coach.getByLabel('Feedback for week 1').fill(message);
    await coach.getByRole('button', { name: 'Save draft' }).click();
    await coach.getByText(/Draft — not visible to Casey/).waitFor();
    await coach.getByRole('button', { name: 'Publish to client' }).click();
    await coach
      .getByText(/^Published /)
      .first()
      .waitFor();
    await closeToasts(coach);
    await screenshot(coach, 'cohorts-coach-member-desktop');
    expect(await seriousA11yViolations(coach)).toEqual([]);

    await coach.goto(`${cohortPath}/reviews`);
    await coach.getByText('All caught up').waitFor();
    await coach.context().close();

    // The bell says so; the notification opens the reply itself.
    const phone = await newPage(browser, PHONE);
    await signIn(phone, client.email, client.password);
    await phone
      .getByRole('link', { name: /^Notifications, \d+ unread$/ })
      .filter({ visible: true })
      .click();
    await phone.getByRole('link', { name: 'Open notification: Your coach replied to week 1', exact: true }).click();
    await phone.waitForURL((url) => url.pathname === '/cohort' && url.hash === '#feedback-week-1');
    const reply = phone.locator('#feedback-week-1');
    await reply.getByText(message).waitFor();
    await expect.poll(() => phone.evaluate(() => document.activeElement?.id)).toBe('feedback-week-1');
    await expect.poll(() => inSight(reply.getByText(message))).toBe(true);
    await expect(
      phone.getByRole('link', { name: 'Notifications', exact: true }).filter({ visible: true }).count(),
    ).resolves.toBe(1);
    await screenshot(phone, 'cohorts-client-feedback-phone');
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await phone.context().close();
  });

  it('the admin sees the client’s cohort on their user page and opens the member page from it', async () => {
    const found = await json<{ users: Array<{ id: string }> }>(
      await admin.request.get(`/api/admin/users?query=${encodeURIComponent(client.email)}`),
    );
    await admin.goto(`/admin/users/${found.users[0]!.id}`);
    const section = admin.getByRole('heading', { name: 'Cohort', exact: true });
    await section.waitFor();
    await admin.getByText('Joined ', { exact: false }).first().waitFor();
    await screenshot(admin, 'cohorts-admin-user-cohort-desktop');
    expect(await seriousA11yViolations(admin)).toEqual([]);
    await admin.getByRole('link', { name: cohortName }).click();
    await admin.waitForURL((url) => url.pathname === `${cohortPath}/members/${found.users[0]!.id}`);
    await admin.getByRole('heading', { name: client.name }).waitFor();
    // The wide check-in table scrolls sideways: a named, focusable region a keyboard can scroll.
    const history = admin.getByRole('region', { name: 'Check-in history' });
    await history.waitFor();
    await history.focus();
    await screenshot(admin, 'cohorts-member-page-desktop');
    expect(await seriousA11yViolations(admin)).toEqual([]);
  });

  it('the coach list filters cohorts by status, on a phone', async () => {
    const phone = await newPage(browser, PHONE);
    await signIn(phone, account('admin').email);
    await phone.goto('/cohorts');
    const show = phone.getByRole('group', { name: 'Show' });
    await phone.getByRole('link', { name: cohortName }).first().waitFor();
    await show.getByText('Archived', { exact: true }).click();
    await phone.waitForURL((url) => url.searchParams.get('status') === 'archived');
    await phone.getByText('No archived cohorts').waitFor(); // the demo studio archives none
    await expect(phone.getByRole('link', { name: cohortName }).count()).resolves.toBe(0);
    await show.getByText('Active', { exact: true }).click();
    await phone.getByRole('link', { name: cohortName }).first().waitFor();
    await expect(phone.getByRole('radio', { name: 'Active' }).isChecked()).resolves.toBe(true);
    // Long names and coach lists stay inside a 390px screen.
    await expect(phone.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await screenshot(phone, 'cohorts-coach-list-filter-phone');
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await phone.context().close();
  });

  it('a client outside any cohort logs today with the studio’s default prompts on a phone', async () => {
    const loner = { name: 'Noor Solo', email: `noor.solo.${run}@example.test`, password: 'noor-password-1' };
    const phone = await newPage(browser, PHONE);
    await phone.goto('/sign-up');
    await phone.getByLabel('Your name').fill(loner.name);
    await phone.getByLabel('Email').fill(loner.email);
    await phone.getByLabel('Password').fill(loner.password);
    await phone.getByRole('button', { name: 'Create account' }).click();
    await phone.getByRole('heading', { name: /Noor/ }).waitFor();
    await phone.getByRole('navigation', { name: 'Quick navigation' }).getByRole('link', { name: 'My cohort' }).click();
    await phone.getByText('You are not in a cohort right now').waitFor();
    await phone.getByRole('heading', { name: "Today's check-in" }).waitFor();
    await screenshot(phone, 'cohorts-client-no-cohort-phone');
    await phone.getByLabel(/^Steps/).fill('6400');
    await phone.getByRole('button', { name: 'Check in', exact: true }).click();
    await phone.getByRole('heading', { name: 'Checked in today' }).waitFor();
    await phone
      .locator('dd', { hasText: '6,400' })
      .or(phone.locator('dd', { hasText: '6400' }))
      .first()
      .waitFor();
    await closeToasts(phone);
    await screenshot(phone, 'cohorts-client-no-cohort-checked-in-phone');
    expect(await seriousA11yViolations(phone)).toEqual([]);
    const mine = await json<{ checkIns: Array<{ values: Record<string, unknown> }> }>(
      await phone.request.get('/api/me/check-ins'),
    );
    expect(mine.checkIns.map((c) => c.values)).toEqual([{ steps: 6400 }]);
    await phone.context().close();
  });

  it('with the cohorts feature off, no cohort nav, page or widget is left', async () => {
    await setCohortsFeature(false);
    try {
      const phone = await newPage(browser, PHONE);
      await signIn(phone, client.email, client.password);
      await phone.getByRole('heading', { level: 1 }).waitFor();
      await expect(
        phone.getByRole('navigation', { name: 'Quick navigation' }).getByRole('link', { name: 'My cohort' }).count(),
      ).resolves.toBe(0);
      await expect(phone.getByText(cohortName).count()).resolves.toBe(0);
      await phone.goto('/cohort');
      await phone.waitForURL((url) => url.pathname === '/');
      await phone.getByText('That part of the app is turned off for this studio.').waitFor();
      await phone.context().close();

      const coach = await newPage(browser, DESKTOP);
      await signIn(coach, account('coach1').email);
      const nav = coach.getByRole('navigation', { name: 'Main navigation' });
      await nav.getByRole('link', { name: 'Home', exact: true }).waitFor();
      await expect(nav.getByRole('link', { name: 'Cohorts', exact: true }).count()).resolves.toBe(0);
      await expect(coach.getByRole('heading', { name: 'Cohort reviews' }).count()).resolves.toBe(0);
      await coach.context().close();
    } finally {
      await setCohortsFeature(true);
    }
    const coach = await newPage(browser, DESKTOP);
    await signIn(coach, account('coach1').email);
    await coach
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Cohorts', exact: true })
      .waitFor();
    await coach.context().close();
  });
});
