import type { Browser, Page } from 'playwright-core';
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

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const account = (key: string) => DEMO_ACCOUNTS.find((a) => a.key === key)!;

async function atBothSizes(page: Page, name: string) {
  await page.setViewportSize(DESKTOP);
  await screenshot(page, `${name}-desktop`);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-phone`);
  expect(await seriousA11yViolations(page)).toEqual([]);
  // nothing sticks out sideways on a phone
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

describe('memberships and credits', () => {
  it('a client sees their plan, credits this week and next, and the history in plain words', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, account('client3').email); // Priya: Totally Committed + 5 Class Pack
    await page.goto('/membership');
    await page.getByRole('heading', { name: 'My membership', level: 1 }).waitFor();
    await page.getByText('Totally Committed', { exact: true }).first().waitFor();
    await page.getByText('Left this week').waitFor();
    await page.getByText(/5 Class Pack: 5 credits left · use by/).waitFor();
    const weekly = page.getByText(/^Weekly credits, week of \d+ \w+ \(Totally Committed\)$/).first();
    // The history pages back: older rows (the weekly grants, under the demo's bookings) come with "Show more".
    const showMore = page.getByRole('button', { name: 'Show more' });
    for (let i = 0; i < 8 && !(await weekly.isVisible()); i++) {
      if (!(await showMore.isVisible())) break; // every page is shown
      await Promise.all([
        page.waitForResponse((r) => r.url().includes('/api/me/credit-transactions') && r.url().includes('cursor=')),
        showMore.click(),
      ]);
      // The page has arrived; it is drawn once no button is busy (or the button went: the last page).
      await page.waitForFunction(() => !document.querySelector('button[aria-busy="true"]'));
    }
    await weekly.waitFor();
    await atBothSizes(page, 'membership-client');

    await page.goto('/plans');
    await page.getByRole('heading', { name: 'Kickstarter' }).waitFor();
    await page.getByText('£297 all-in').waitFor();
    await expect(page.getByRole('button', { name: /buy|checkout|pay/i }).count()).resolves.toBe(0);
    await atBothSizes(page, 'plans-client');
  });

  it('a client without a plan is pointed to the plans', async () => {
    const newcomer = await signUpFreshClient(browser, 'Noplan');
    const page = await newPage(browser, PHONE);
    await signIn(page, newcomer.email, newcomer.password);
    await page.goto('/membership');
    await page.getByText('You don\u2019t have a plan yet').or(page.getByText("You don't have a plan yet")).waitFor();
    await page.getByRole('link', { name: 'See the plans the studio offers' }).click();
    await page.getByRole('heading', { name: 'Plans', level: 1 }).waitFor();
  });

  it('an admin creates a plan with the fields of its type, then assigns it and adjusts credits', async () => {
    const newcomer = await signUpFreshClient(browser, 'Dropin');
    const page = await newPage(browser, DESKTOP);
    await signIn(page, account('admin').email);
    await page.goto('/admin/plans');
    await page.getByRole('heading', { name: /^Committed/ }).waitFor();
    await atBothSizes(page, 'plans-admin');
    await page.setViewportSize(DESKTOP);

    await page.getByRole('button', { name: 'New plan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Type', { exact: true }).selectOption('PACK');
    await expect(dialog.getByLabel('Classes a week').count()).resolves.toBe(0);
    await dialog.getByLabel('Name').fill('Drop-in');
    // The form checks with the API's schema before sending: an empty price is caught on the spot...
    await dialog.getByLabel('Credits in the pack').fill('');
    await dialog.getByRole('button', { name: 'Create plan' }).click();
    await dialog.getByText('Fill this in').first().waitFor();
    expect(await dialog.getByLabel(/^Price/).getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByLabel('Credits in the pack').getAttribute('aria-invalid')).toBe('true');
    await atBothSizes(page, 'plan-dialog-client-error');
    await page.setViewportSize(DESKTOP);
    // ...while the server's own rule (whole pence) comes back under the price.
    await dialog.getByLabel(/^Price/).fill('12.555');
    await dialog.getByLabel('Credits in the pack').fill('1');
    await dialog.getByRole('button', { name: 'Create plan' }).click();
    await dialog.getByText(/two decimal places/i).waitFor();
    expect(await dialog.getByLabel(/^Price/).getAttribute('aria-invalid')).toBe('true');
    await atBothSizes(page, 'plan-dialog-server-error');
    await page.setViewportSize(DESKTOP);
    await dialog.getByLabel(/^Price/).fill('12.5');
    await dialog.getByLabel('Credits in the pack').fill('1');
    await dialog.getByLabel('Expires after (days)').fill('30');
    await screenshot(page, 'plan-dialog-admin-desktop');
    await dialog.getByRole('button', { name: 'Create plan' }).click();
    await page.getByRole('heading', { name: /^Drop-in/ }).waitFor();
    await page.getByText('£12.50 · 1 class · use within 30 days', { exact: false }).waitFor();

    // A new client gets the drop-in, then the admin tries to remove more than they have.
    await page.goto('/admin/users');
    await page.getByLabel('Search users').fill(newcomer.email);
    await page.getByRole('link', { name: newcomer.name }).click();
    await page.getByRole('heading', { name: 'Memberships' }).waitFor();
    await page.getByRole('button', { name: 'Assign a plan' }).click();
    // Nothing chosen: the form says so under the field, before asking the server.
    await page.getByRole('dialog').getByRole('button', { name: 'Assign plan' }).click();
    await page.getByRole('dialog').getByText('Choose a plan', { exact: true }).waitFor();
    await page.getByRole('dialog').getByLabel('Plan').selectOption({ label: 'Drop-in' });
    await page.getByLabel('Payment reference').fill('Cash at the desk');
    await page.getByRole('dialog').getByRole('button', { name: 'Assign plan' }).click();
    await page.getByText('Paid: Cash at the desk').waitFor();

    await page.getByRole('button', { name: 'Adjust credits' }).click();
    const adjust = page.getByRole('dialog');
    await adjust.getByLabel('Change').selectOption('remove');
    await adjust.getByLabel('How many').fill('5');
    await adjust.getByLabel('Reason').fill('Testing the limit');
    await adjust.getByRole('button', { name: 'Remove credits' }).click();
    await adjust.getByText(/That would take the balance below zero/).waitFor();
    await screenshot(page, 'adjust-refused-admin-desktop');
    await adjust.getByLabel('Change').selectOption('add');
    await adjust.getByLabel('How many').fill('2');
    await adjust.getByLabel('Reason').fill('Birthday gift');
    await adjust.getByRole('button', { name: 'Add credits' }).click();
    await page.getByText('Studio adjustment: Birthday gift').waitFor();
    await atBothSizes(page, 'user-credits-admin');
  });

  it('a coach sees members with their plan and credits this week', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, account('coach1').email);
    await page.goto('/members');
    await page.getByText('Sam Patel').waitFor();
    await page.getByLabel('Search by name or email').fill('megan');
    await page.getByText('Committed (paused)').waitFor();
    await page.getByLabel('Search by name or email').fill('');
    await page.getByText('Sam Patel').waitFor();
    await atBothSizes(page, 'members-coach');
  });
});
