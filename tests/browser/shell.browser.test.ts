import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/seed/demo-accounts';
import { DESKTOP, PHONE, launchBrowser, newPage, screenshot, seriousA11yViolations, signIn } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const account = (key: string) => DEMO_ACCOUNTS.find((a) => a.key === key)!;

describe('the signed-in shell shows each role its own navigation', () => {
  const cases = [
    {
      key: 'admin',
      present: ['Home', 'Users', 'Settings', 'Audit log', 'Email outbox', 'Profile'],
      absent: ['Appointments'],
    },
    {
      key: 'coach1',
      present: ['Home', 'Profile'],
      absent: ['Users', 'Settings', 'Audit log', 'Email outbox', 'Appointments'],
    },
    {
      key: 'client1',
      present: ['Home', 'Profile'],
      absent: ['Users', 'Settings', 'Audit log', 'Email outbox', 'Appointments'],
    },
  ];

  for (const c of cases) {
    it(`${c.key}: desktop and phone`, async () => {
      const page = await newPage(browser, DESKTOP);
      await signIn(page, account(c.key).email);
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      await nav.getByRole('link', { name: 'Home', exact: true }).waitFor();
      await page.getByRole('heading', { level: 1 }).waitFor();
      for (const label of c.present)
        await expect(nav.getByRole('link', { name: label, exact: true }).count()).resolves.toBe(1);
      for (const label of c.absent)
        await expect(nav.getByRole('link', { name: label, exact: true }).count()).resolves.toBe(0);
      await screenshot(page, `shell-${c.key}-desktop`);
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.setViewportSize(PHONE);
      await page.reload();
      await page.getByRole('button', { name: 'Open menu' }).click();
      const menu = page.getByRole('navigation', { name: 'Menu navigation' });
      await menu.getByRole('link', { name: 'Home', exact: true }).waitFor();
      for (const label of c.present)
        await expect(menu.getByRole('link', { name: label, exact: true }).count()).resolves.toBe(1);
      await page.keyboard.press('Escape');
      await screenshot(page, `shell-${c.key}-phone`);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('signed-out visitors are sent to sign in, and the page is accessible', async () => {
    const page = await newPage(browser, PHONE);
    await page.goto('/admin/users');
    await page.waitForURL(/\/sign-in\?next=/);
    await screenshot(page, 'sign-in-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });
});
