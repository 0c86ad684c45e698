import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/seed/demo-accounts';
import { PHONE, launchBrowser, newPage, screenshot, seriousA11yViolations, signIn } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const account = (key: string) => DEMO_ACCOUNTS.find((a) => a.key === key)!;

describe('the app on a phone (service worker)', () => {
  it('registers the service worker; after one online visit My schedule opens offline with the last data', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, account('client1').email);
    await page.goto('/my-schedule');
    // The worker installs and takes the page (clientsClaim): the visit below goes through it.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.reload();
    const upcoming = page.locator('section[aria-labelledby="upcoming-title"]');
    await upcoming.locator('li').first().waitFor();
    const online = await upcoming.innerText();
    await expect(page.getByText(/^Offline/).count()).resolves.toBe(0);

    await page.context().setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'My schedule', level: 1 }).waitFor();
    await page.getByText(/Offline — last updated \d\d:\d\d/).waitFor();
    await upcoming.locator('li').first().waitFor();
    expect(await upcoming.innerText()).toBe(online);
    await screenshot(page, 'pwa-offline-my-schedule-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A change needs the server: it says so instead of failing silently.
    await page.goto('/membership').catch(() => undefined);
    await page.getByRole('heading', { name: 'My membership', level: 1 }).waitFor();
    await page.getByText(/Offline — last updated \d\d:\d\d/).waitFor();
    await page.context().setOffline(false);
  });
});
