import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/seed/demo-accounts';
import { startFakePushService } from '../push/fake-push-service';
import { DESKTOP, PHONE, launchBrowser, newPage, screenshot, seriousA11yViolations, signIn } from './support/browser';

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
}

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
    await atBothSizes(page, 'pwa-offline-my-schedule');

    // A change needs the server: it says so instead of failing silently.
    await page.goto('/membership').catch(() => undefined);
    await page.getByRole('heading', { name: 'My membership', level: 1 }).waitFor();
    await page.getByText(/Offline — last updated \d\d:\d\d/).waitFor();
    await page.context().setOffline(false);
  });
});

describe('push notifications on this device', () => {
  it('a client turns them on from the profile, and the subscription is saved', async () => {
    const fake = await startFakePushService();
    const device = fake.newBrowser('browser-test');
    try {
      const page = await newPage(browser, PHONE);
      await page.context().grantPermissions(['notifications']);
      // Headless Chromium has no push service to subscribe with (subscribe() fails "push service not
      // available"), so the page's PushManager answers with a subscription at the fake push service:
      // everything after it (the key fetch, the save, the server's validation) is real.
      await page.addInitScript((sub: { endpoint: string; keys: { p256dh: string; auth: string } }) => {
        let current: PushSubscription | null = null;
        const fakeSubscription = {
          endpoint: sub.endpoint,
          toJSON: () => ({ endpoint: sub.endpoint, keys: sub.keys }),
          unsubscribe: () => {
            current = null;
            return Promise.resolve(true);
          },
        } as unknown as PushSubscription;
        PushManager.prototype.getSubscription = () => Promise.resolve(current);
        PushManager.prototype.subscribe = () => {
          current = fakeSubscription;
          return Promise.resolve(current);
        };
      }, device);
      await signIn(page, account('client2').email);
      await page.goto('/profile');
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      await page.reload();
      await page.getByRole('heading', { name: 'Notifications on this device' }).waitFor();
      await atBothSizes(page, 'pwa-profile-notifications-off');
      const saved = page.waitForResponse(
        (r) => r.url().endsWith('/api/me/push-subscriptions') && r.request().method() === 'POST',
      );
      await page.getByRole('button', { name: 'Turn on notifications' }).click();
      const answer = await saved;
      expect(answer.status()).toBe(200);
      expect(answer.request().postDataJSON()).toEqual({ endpoint: device.endpoint, keys: device.keys });
      await page.getByText('On for this device').waitFor();
      await atBothSizes(page, 'pwa-profile-notifications-on');

      const removed = page.waitForResponse(
        (r) => r.url().endsWith('/api/me/push-subscriptions') && r.request().method() === 'DELETE',
      );
      await page.getByRole('button', { name: 'Turn off on this device' }).click();
      expect(await (await removed).json()).toEqual({ removed: true });
    } finally {
      await fake.close();
    }
  });
});
