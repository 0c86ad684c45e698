import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBERSHIPS, teamupEvent, VENUE } from '../import/fixtures';
import { DESKTOP, PHONE, launchBrowser, newPage, screenshot, seriousA11yViolations, signIn } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const page = (results: unknown[]) => JSON.stringify({ count: results.length, next: null, previous: null, results });
const GAV = { id: 9101, object: 'instructor', name: 'Gav Cunningham', staff: 1 };
const JACKI = { id: 9102, object: 'instructor', name: 'Jacki Montgomery', staff: 2 };

/** Spin on Tuesdays and Thursdays, 20 weeks from now (clear of what the other browser tests look at). */
function spinEvents() {
  const monday = new Date();
  monday.setUTCDate(monday.getUTCDate() + 140 - ((monday.getUTCDay() + 6) % 7));
  const events = [];
  for (let week = 0; week < 4; week++)
    for (const [offset, coach] of [
      [1, GAV],
      [3, JACKI],
    ] as const) {
      const day = new Date(monday);
      day.setUTCDate(monday.getUTCDate() + week * 7 + offset);
      day.setUTCHours(18, 15, 0, 0);
      events.push(
        teamupEvent(90_000 + week * 10 + offset, day.toISOString(), {
          name: 'Spin',
          instructors: [coach],
          venue: VENUE,
          attending_count: 0,
        }),
      );
    }
  return events;
}

const INTRO = {
  id: 14,
  object: 'membership',
  type: 'pack',
  name: 'Intro Class',
  description: '',
  price: { decimal: 5, iso_currency_code: 'GBP' },
};
const CSV =
  'First Name,Last Name,Email,Active Membership,Pack Uses Left\nAva,Importova,ava.importova@example.test,10 Class Pack,4\n';

async function chooseFiles(p: Page) {
  const file = (name: string, text: string, mimeType: string) => ({ name, mimeType, buffer: Buffer.from(text) });
  await p.locator('input[name=events]').setInputFiles(file('teamupdata.json', page(spinEvents()), 'application/json'));
  await p
    .locator('input[name=instructors]')
    .setInputFiles(file('instructors.json', page([GAV, JACKI]), 'application/json'));
  await p
    .locator('input[name=memberships]')
    .setInputFiles(file('memberships.json', page([...MEMBERSHIPS, INTRO]), 'application/json'));
  await p.locator('input[name=customers]').setInputFiles(file('customers.csv', CSV, 'text/csv'));
}

describe('moving from TeamUp, as an admin does it', () => {
  it('checks the files on a phone: the dry run reports, asks, and writes nothing', async () => {
    const p = await newPage(browser, PHONE);
    await signIn(p, 'admin@roster.test');
    await p.goto('/admin/import');
    await chooseFiles(p);
    await p.getByRole('button', { name: 'Check the files (dry run)' }).click();
    await p.getByRole('heading', { name: 'What the import would do' }).waitFor();
    await p.getByText(/how many credits does the pack "Intro Class" hold/).waitFor();
    await screenshot(p, 'import-dry-run-phone');
    expect(await seriousA11yViolations(p)).toEqual([]);
    await p.context().close();
  });

  it('answers the question, imports on a desktop and follows the progress to the end', async () => {
    const p = await newPage(browser, DESKTOP);
    await signIn(p, 'admin@roster.test');
    await p.goto('/admin');
    await p.goto('/admin/import');
    await chooseFiles(p);
    await p.getByRole('button', { name: 'Check the files (dry run)' }).click();
    await p.getByRole('heading', { name: 'Weekly timetable found' }).waitFor();
    expect(await p.getByText('Spin Tue', { exact: false }).count()).toBeGreaterThan(0);
    await p.getByLabel('Credits for TeamUp membership 14').fill('1');
    await screenshot(p, 'import-dry-run-desktop');
    expect(await seriousA11yViolations(p)).toEqual([]);
    await p.getByRole('button', { name: 'Import now' }).click();
    await p.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 60_000 });
    await expect(p.getByRole('progressbar').getAttribute('aria-valuenow')).resolves.toBe('100');
    await p.getByRole('heading', { name: 'What was imported' }).waitFor();
    await screenshot(p, 'import-finished-desktop');
    expect(await seriousA11yViolations(p)).toEqual([]);

    // The imported client is there, with the pack balance from TeamUp.
    await p.goto('/admin/users?q=importova');
    await p.getByText('ava.importova@example.test').first().waitFor();
    await p.context().close();
  });
});
