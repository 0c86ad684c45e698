import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/seed/demo-accounts';

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 860 } as const;

export const baseUrl = () => inject('baseUrl');

/** Debian's Chromium, headless, with the flags this sandboxed machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newPage(browser: Browser, viewport: { width: number; height: number } = DESKTOP): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    baseURL: baseUrl(),
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  return context.newPage();
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Screenshots land in screenshots/ (git-ignored) for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('screenshots', { recursive: true });
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
}

/**
 * Rules switched on explicitly, whatever axe-core's defaults: `label-content-name-mismatch` (the
 * accessible name must contain the visible text, WCAG 2.5.3) was experimental, off by default,
 * before axe-core 4.14.
 */
const ALWAYS_ON_RULES = { 'label-content-name-mismatch': { enabled: true } };

/** axe-core violations of serious or critical impact on the current page. */
export async function seriousA11yViolations(page: Page) {
  // Let finite animations end first (a toast sliding in is half transparent, and axe would measure
  // its colour contrast mid-fade); endless ones (spinners) are left running.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).options({ rules: ALWAYS_ON_RULES }).analyze();
  const [major = 0, minor = 0] = results.testEngine.version.split('.').map(Number);
  if (major < 4 || (major === 4 && minor < 14))
    throw new Error(`axe-core ${results.testEngine.version} is older than the 4.14 these tests expect`);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
}

export interface FreshClient {
  name: string;
  email: string;
  password: string;
}

/**
 * A client of its own for one test, signed up through the real sign-up endpoint. The browser suite
 * shares one demo server, so a test that needs "a client with no plan" or an exact credit balance
 * must not borrow a demo client another test may already have sold a pack to.
 */
export async function signUpFreshClient(browser: Browser, firstName: string): Promise<FreshClient> {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const client = {
    name: `${firstName} Fresh ${suffix}`,
    email: `${firstName.toLowerCase()}.${suffix}@example.test`,
    password: 'fresh-client-pass-42',
  };
  const context = await browser.newContext({ baseURL: baseUrl() });
  try {
    const response = await context.request.post('/api/auth/sign-up/email', {
      data: client,
      headers: { origin: baseUrl() },
    });
    if (!response.ok()) throw new Error(`sign-up → ${response.status()} ${await response.text()}`);
  } finally {
    await context.close();
  }
  return client;
}
