import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, newPage, screenshot, seriousA11yViolations, signIn } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('people, as the studio manages them', () => {
  const email = `coach.${Date.now()}@example.test`;

  it('an admin adds a coach, who sets a password from the invite in the outbox and signs in', async () => {
    const admin = await newPage(browser, DESKTOP);
    await signIn(admin, 'admin@roster.test');
    await admin.goto('/admin/users');
    await admin.getByRole('button', { name: 'Add a person' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Ines Invited');
    await dialog.getByLabel('Email').fill('not-an-email');
    await dialog.getByRole('button', { name: 'Add and send invite' }).click();
    await dialog.getByText('Enter an email address like name@example.com').waitFor();
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('Phone').fill('+44 7700 900321');
    await dialog.getByLabel('Role').selectOption('COACH');
    await screenshot(admin, 'people-add-person-desktop');
    expect(await seriousA11yViolations(admin)).toEqual([]);
    await dialog.getByRole('button', { name: 'Add and send invite' }).click();
    await admin.getByText(`An invite is on its way to ${email}`).waitFor();

    await admin.getByRole('link', { name: 'Ines Invited' }).click();
    await admin.getByRole('heading', { name: 'Details' }).waitFor();
    await admin.getByText('Has not chosen a password yet').waitFor();
    await admin.getByRole('link', { name: '+44 7700 900321' }).waitFor();
    await screenshot(admin, 'people-person-details-desktop');

    await admin.goto('/admin/outbox');
    const item = admin.locator('li', { hasText: `To ${email}` }).first();
    await item.getByText(/invited you to Roster/).click();
    const link = await item.getByRole('link').first().getAttribute('href');
    expect(link).toMatch(/reset-password\?token=.+&invite=1/);
    await admin.context().close();

    const coach = await newPage(browser, PHONE);
    await coach.goto(link!);
    await coach.getByRole('heading', { name: 'Welcome! Choose your password' }).waitFor();
    await coach.getByLabel('Password').fill('ines-chose-this-1');
    await screenshot(coach, 'people-invite-password-phone');
    expect(await seriousA11yViolations(coach)).toEqual([]);
    await coach.getByRole('button', { name: 'Save password' }).click();
    await coach.waitForURL(/\/sign-in\?reset=done/);
    await signIn(coach, email, 'ines-chose-this-1');
    await coach.getByRole('heading', { name: /Ines/ }).waitFor();
    await coach.context().close();
  });

  it('an admin confirms a role change before it happens, on a phone', async () => {
    const admin = await newPage(browser, PHONE);
    await signIn(admin, 'admin@roster.test');
    await admin.goto('/admin/users');
    await admin.getByLabel('Filter by role').selectOption('COACH');
    expect(await admin.getByLabel('Filter by role').locator('option').allTextContents()).toContain('Coaches');
    await admin.getByLabel('Role of Ines Invited').selectOption('ADMIN');
    const dialog = admin.getByRole('dialog');
    await dialog.getByText('Role: Coach → Admin').waitFor();
    await screenshot(admin, 'people-role-confirm-phone');
    await dialog.getByRole('button', { name: 'Keep coach' }).click();
    await expect(admin.getByLabel('Role of Ines Invited').inputValue()).resolves.toBe('COACH');
    await admin.context().close();
  });
});
