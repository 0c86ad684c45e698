import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, newPage, screenshot, seriousA11yViolations, signIn } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function signOut(page: Page) {
  if (await page.getByRole('button', { name: 'Open menu' }).isVisible())
    await page.getByRole('button', { name: 'Open menu' }).click();
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await page.waitForURL(/\/sign-in/);
}

describe('accounts, as a person uses them', () => {
  const email = `new.client.${Date.now()}@example.test`;

  it('a visitor signs up on a phone, lands home as a client, and signs out', async () => {
    const page = await newPage(browser, PHONE);
    await page.goto('/sign-up');
    await page.getByLabel('Your name').fill('Nina New');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/at least 10 characters/);
    await page.getByLabel('Password').fill('nina-password-1');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: /Nina/ }).waitFor();
    await screenshot(page, 'signed-up-client-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await signOut(page);
    await page.context().close();
  });

  it('a forgotten password is reset through the link an admin finds in the outbox', async () => {
    const page = await newPage(browser, PHONE);
    await page.goto('/forgot-password');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText('Check your email').waitFor();
    await page.context().close();

    const admin = await newPage(browser, DESKTOP);
    await signIn(admin, 'admin@roster.test');
    await admin.goto('/admin/outbox');
    const item = admin.locator('li', { hasText: `To ${email}` }).first();
    await item.getByText('Reset your Roster password').click();
    const link = await item.getByRole('link').first().getAttribute('href');
    expect(link).toMatch(/reset-password/);
    await screenshot(admin, 'admin-outbox-desktop');
    expect(await seriousA11yViolations(admin)).toEqual([]);
    await admin.context().close();

    const client = await newPage(browser, PHONE);
    await client.goto(link!);
    await client.getByLabel('New password').fill('nina-new-password-2');
    await client.getByRole('button', { name: 'Save new password' }).click();
    await client.waitForURL(/\/sign-in\?reset=done/);
    await signIn(client, email, 'nina-new-password-2');
    await client.getByRole('heading', { name: /Nina/ }).waitFor();
    await client.context().close();
  });

  it('a client changes their password on the profile page', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, email, 'nina-new-password-2');
    await page.goto('/profile');
    await page.getByLabel('Current password').fill('wrong-password-9');
    await page.getByLabel('New password').fill('nina-third-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your current password is not right.').waitFor();
    await page.getByLabel('Current password').fill('nina-new-password-2');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText(/Password changed/).waitFor();
    await screenshot(page, 'profile-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('an admin finds the user, makes them a coach, and the audit log shows it', async () => {
    const page = await newPage(browser, DESKTOP);
    await signIn(page, 'admin@roster.test');
    await page.goto('/admin/users');
    await page.getByLabel('Search users').fill('Nina');
    await page.getByText(email).waitFor();
    await page.getByLabel('Role of Nina New').selectOption('COACH');
    const patched = page.waitForResponse(
      (r) => r.url().includes('/api/admin/users/') && r.request().method() === 'PATCH',
    );
    await page.getByRole('button', { name: 'Make coach' }).click();
    await patched;
    await screenshot(page, 'admin-users-desktop');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goto('/admin/audit-log');
    const change = page.getByRole('listitem').filter({ hasText: 'Role: Client → Coach' }).first();
    await change.waitFor();
    await expect(change.textContent()).resolves.toContain('Nina New');
    await page.getByLabel('Action').selectOption('user.role_changed');
    await page.getByLabel('Person').selectOption({ label: 'Nina New' });
    await expect(page.getByRole('listitem').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'admin-audit-desktop');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();

    const phone = await newPage(browser, PHONE);
    await signIn(phone, 'admin@roster.test');
    await phone.goto('/admin/audit-log');
    await phone.getByText('Role: Client → Coach').first().waitFor();
    await screenshot(phone, 'admin-audit-phone');
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await phone.context().close();
  });

  it('an admin renames the studio; an open client app follows without a restart', async () => {
    const page = await newPage(browser, DESKTOP);
    await signIn(page, 'admin@roster.test');
    await page.goto('/admin/settings');
    await page.getByLabel('Studio name').fill('Harbour Strength');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByText('Saved.').waitFor();
    await page.getByRole('switch', { name: '1-on-1 appointments' }).waitFor();
    await screenshot(page, 'admin-settings-desktop');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const other = await newPage(browser, PHONE);
    await signIn(other, 'sam@roster.test');
    await other.getByRole('banner').getByText('Harbour Strength').waitFor();
    await other.context().close();
    await page.getByLabel('Studio name').fill('Northside Strength Studio');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByText('Saved.').waitFor();
    await page.context().close();
  });
});
