import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page, Response } from 'playwright-core';
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

describe('the first page on a slow network', () => {
  it('its scripts and styles arrive compressed, and plain to a client that asks for no encoding', async () => {
    const page = await newPage(browser, PHONE);
    const responses: Response[] = [];
    page.on('response', (response) => {
      if (/\/assets\/.+\.(js|css)$/.test(response.url())) responses.push(response);
    });
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // Files under 1 KB are sent as they are: compressing them saves nothing.
    const assets = [];
    for (const response of responses) {
      if ((await response.body()).length < 1024) continue;
      const headers = response.headers();
      assets.push({ url: response.url(), encoding: headers['content-encoding'], vary: headers['vary'] });
    }
    expect(assets.length).toBeGreaterThan(3);
    for (const asset of assets) {
      expect(['br', 'gzip'], asset.url).toContain(asset.encoding);
      expect(asset.vary, asset.url).toMatch(/accept-encoding/i);
    }
    const plain = await page.request.get(assets[0]!.url, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers()['content-encoding']).toBeUndefined();
    expect(await plain.text()).toMatch(/\S/);
    await page.context().close();
  });
});

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

describe('a new deployment', () => {
  // The suite's server looks files up per request, so changing the built service worker on disk is
  // what a deployment looks like to an open app. Restored afterwards: later files use the same build.
  const serviceWorkerFile = fileURLToPath(new URL('../../dist/web/sw.js', import.meta.url));

  it('offers "Reload" instead of serving the old version, and the tap brings the new one in', async () => {
    const original = readFileSync(serviceWorkerFile, 'utf8');
    try {
      const page = await newPage(browser, PHONE);
      await signIn(page, account('client1').email);
      await page.goto('/my-schedule');
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      const scriptBefore = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
      await expect(page.getByText('New version available').count()).resolves.toBe(0);

      writeFileSync(serviceWorkerFile, `${original}\n// a new deployment (browser test)\n`);
      // The app checks every 30 minutes; the test asks now, as that timer would.
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      const prompt = page.getByRole('alert').filter({ hasText: 'New version available' });
      await prompt.waitFor();
      await screenshot(page, 'pwa-update-prompt-phone');
      expect(await seriousA11yViolations(page)).toEqual([]);
      // Until the tap, the old worker still serves the open page: nothing reloads under a half-filled form.
      expect(await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL)).toBe(scriptBefore);

      const changedHands = page.evaluate(
        () =>
          new Promise<void>((resolve) =>
            navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
          ),
      );
      await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
      await changedHands.catch(() => undefined); // the reload may end the page's promise first
      await page.getByRole('heading', { name: 'My schedule', level: 1 }).waitFor();
      await expect(page.getByText('New version available').count()).resolves.toBe(0);
      const anotherWaiting = await page.evaluate(
        async () => (await navigator.serviceWorker.getRegistration())!.waiting !== null,
      );
      expect(anotherWaiting).toBe(false); // the new worker is the active one, none left waiting
    } finally {
      writeFileSync(serviceWorkerFile, original);
    }
  });
});
