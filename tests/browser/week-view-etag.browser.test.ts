import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/seed/demo-accounts';
import { PHONE, launchBrowser, newPage, screenshot, signIn } from './support/browser';

/*
 * The Classes week view answers an ETag (ADR 0016): on a reload the browser revalidates with
 * If-None-Match by itself, takes a 304 as its cached body, and the page still shows the classes.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => browser?.close());

const isWeekView = (request: Request) => new URL(request.url()).pathname === '/api/sessions';

describe('the Classes page after a reload', () => {
  it('revalidates the week with If-None-Match and still shows its classes', { timeout: 180_000 }, async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, DEMO_ACCOUNTS.find((a) => a.key === 'client3')!.email);

    const firstAnswer = page.waitForResponse((r) => isWeekView(r.request()) && r.status() === 200);
    await page.goto('/classes');
    expect(((await (await firstAnswer).json()) as unknown[]).length).toBeGreaterThan(0);
    // The demo studio's timetable has classes every day: the selected day lists some.
    const classLinks = page.locator('main a[href^="/classes/"]');
    await classLinks.first().waitFor();
    const shown = await classLinks.allInnerTexts();

    const revalidation = page.waitForRequest(isWeekView);
    await page.reload();
    const headers = await (await revalidation).allHeaders();
    expect(headers['if-none-match']).toMatch(/^"[\w-]+"$/);
    await classLinks.first().waitFor();
    expect(await classLinks.allInnerTexts()).toEqual(shown);
    await screenshot(page, 'classes-after-revalidation-phone');
  });
});
