import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/seed/demo-accounts';
import {
  DESKTOP,
  PHONE,
  launchBrowser,
  newPage,
  screenshot,
  seriousA11yViolations,
  signUpFreshClient,
} from './support/browser';

/*
 * Group sessions as people use them: a client books and cancels a class on a phone, a coach
 * marks attendance. Each test schedules its own class (through the API, as the admin) in a
 * class type of its own, so the demo studio's timetable and habits cannot get in the way.
 */

let browser: Browser;
let admin: Page;
let timeZone: string;

const account = (key: string) => DEMO_ACCOUNTS.find((a) => a.key === key)!;

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!response.ok()) throw new Error(`${response.url()} → ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

async function userId(email: string): Promise<string> {
  const list = await json<{ users: Array<{ id: string; email: string }> }>(
    await admin.request.get(`/api/admin/users?query=${encodeURIComponent(email)}`),
  );
  return list.users.find((u) => u.email === email)!.id;
}

/** A class of a new class type (1 credit), and a credit for the client who will book it. */
async function scheduleClass(input: { title: string; startTime: Date; coachEmail: string; creditFor: string }) {
  const classType = await json<{ id: string }>(
    await admin.request.post('/api/class-types', {
      data: { name: input.title, defaultCapacity: 4, defaultDurationMins: 30, creditCost: 1 },
    }),
  );
  const session = await json<{ id: string }>(
    await admin.request.post('/api/sessions', {
      data: {
        classTypeId: classType.id,
        coachId: await userId(input.coachEmail),
        startTime: input.startTime.toISOString(),
        location: 'Studio B',
      },
    }),
  );
  await json(
    await admin.request.post(`/api/admin/users/${await userId(input.creditFor)}/credits`, {
      data: { amount: 1, reason: 'Browser test credit' },
    }),
  );
  return session.id;
}

/**
 * Signs in like signIn(), but waits out the sign-in rate limit (10 a minute per address) that
 * the whole browser suite, all from 127.0.0.1, can reach by the time this file runs.
 */
async function signIn(page: Page, email: string) {
  for (let attempt = 1; ; attempt++) {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const outcome = await Promise.race([
      page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 20_000 }).then(() => 'signed in'),
      page
        .getByText(/Too many attempts/)
        .waitFor({ timeout: 20_000 })
        .then(() => 'rate limited'),
    ]);
    if (outcome === 'signed in') return;
    if (attempt === 3) throw new Error(`Could not sign in as ${email}: ${outcome}`);
    await page.waitForTimeout(61_000);
  }
}

const localDate = (instant: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

/** Toasts fade on their own; close them so axe looks at the page itself. */
async function closeToasts(page: Page) {
  for (const button of await page.getByRole('button', { name: 'Close toast' }).all())
    await button.click().catch(() => undefined);
  await page.locator('[data-sonner-toast]').first().waitFor({ state: 'detached', timeout: 10_000 });
}

/** Desktop and phone screenshots with no serious axe violations and nothing sticking out sideways. */
async function screenshotBothSizes(page: Page, name: string) {
  await page.setViewportSize(DESKTOP);
  await screenshot(page, `${name}-desktop`);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-phone`);
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.setViewportSize(DESKTOP);
}

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await newPage(browser, DESKTOP);
  await signIn(admin, account('admin').email);
  timeZone = (await json<{ studio: { timezone: string } }>(await admin.request.get('/api/settings/public'))).studio
    .timezone;
}, 240_000);
afterAll(async () => browser?.close());

describe('group sessions in the browser', () => {
  it(
    'a client books a class and cancels it in time on a phone, getting the credit back',
    { timeout: 240_000 },
    async () => {
      const client = account('client6');
      const title = `Kettlebells ${Date.now().toString(36)}`;
      // Tomorrow 10:00 studio time: inside the booking window and well before the late-cancel cutoff.
      const tomorrow = localDate(new Date(Date.now() + 86_400_000));
      const [y, m, d] = tomorrow.split('-').map(Number) as [number, number, number];
      await scheduleClass({
        title,
        startTime: new Date(new TZDate(y, m - 1, d, 10, 0, timeZone).getTime()),
        coachEmail: account('coach1').email,
        creditFor: client.email,
      });

      const page = await newPage(browser, PHONE);
      await signIn(page, client.email);
      await page.getByRole('navigation', { name: 'Quick navigation' }).getByRole('link', { name: 'Classes' }).click();
      await page.getByRole('heading', { name: 'Classes', level: 1 }).waitFor();
      // Tomorrow may be in next week: move there as a person would, then pick the day.
      // Wait for the week strip before asking whether tomorrow is on it (counting too early says no).
      const dayButton = page.getByRole('button', {
        name: new RegExp(`^${format(new Date(y, m - 1, d), 'EEE d MMMM')}`),
      });
      await page.getByRole('list', { name: 'Days of the week' }).waitFor();
      // The week strip's day buttons say what they show ("Mon 30"): label-content-name-mismatch.
      expect(await seriousA11yViolations(page)).toEqual([]);
      if ((await dayButton.count()) === 0) await page.getByRole('button', { name: 'Next week' }).click();
      await dayButton.click();

      // The day's classes load after the click: wait for the card's words rather than reading them at once.
      const card = page.getByRole('article', { name: title });
      await card.getByText('4 left').waitFor();
      // The card's link reads its title and time as words (no stray space before the comma).
      await card.getByRole('link', { name: `${title}, 10:00–10:30`, exact: true }).waitFor();
      await card.getByText('1 credit').waitFor();
      await page.getByRole('button', { name: new RegExp(`^Book: ${title}`) }).click();
      await page.getByText(new RegExp(`^Booked: ${title}.*1 credit used`)).waitFor();
      await card.getByText('Booked', { exact: true }).waitFor();
      await card.getByText('3 left').waitFor();
      await closeToasts(page);
      await screenshot(page, 'sessions-client-booked-phone');
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.getByRole('button', { name: new RegExp(`^Cancel booking: ${title}`) }).click();
      const dialog = page.getByRole('dialog', { name: 'Cancel this booking?' });
      await dialog.getByText(/This is in time: your 1 credit will be given back/).waitFor();
      await screenshot(page, 'sessions-client-cancel-dialog-phone');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel booking' }).click();
      await page.getByText(new RegExp(`^Cancelled: ${title}.*1 credit given back`)).waitFor();
      await page.getByRole('button', { name: new RegExp(`^Book: ${title}`) }).waitFor();
      await card.getByText('4 left').waitFor();
      await page.context().close();
    },
  );

  it(
    'a coach reads the roster badges, marks all attended and corrects one, on a phone',
    { timeout: 240_000 },
    async () => {
      // Clients of this test's own: the badges depend on their history, credits and profile.
      const [regular, broke] = await Promise.all([
        signUpFreshClient(browser, 'Robin'),
        signUpFreshClient(browser, 'Sasha'),
      ]);
      const coach = account('coach1');
      const title = `Mobility ${Date.now().toString(36)}`;
      // Starting in ten minutes: attendance can be taken from 15 minutes before the start.
      const start = new Date(Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000);
      const sessionId = await scheduleClass({
        title,
        startTime: start,
        coachEmail: coach.email,
        creditFor: broke.email,
      });
      const regularId = await userId(regular.email);
      // Two credits: one pays for this class, one is left ("pack almost used"); Sasha's only one is spent.
      await json(
        await admin.request.post(`/api/admin/users/${regularId}/credits`, {
          data: { amount: 2, reason: 'Browser test credit' },
        }),
      );
      await json(
        await admin.request.put(`/api/admin/users/${regularId}/details`, {
          data: { name: regular.name, email: regular.email, phone: '07700 900123' },
        }),
      );
      await json(
        await admin.request.put(`/api/clients/${regularId}/profile`, {
          data: {
            emergencyContactName: '',
            emergencyContactPhone: '',
            dateOfBirth: '',
            healthNotes: 'Left knee: no jumps',
          },
        }),
      );
      // The studio books both in (staff may name a client), each paid with their own credit.
      for (const id of [regularId, await userId(broke.email)])
        await json(await admin.request.post(`/api/sessions/${sessionId}/registrations`, { data: { userId: id } }));

      const page = await newPage(browser, PHONE);
      await signIn(page, coach.email);
      await page.getByRole('navigation', { name: 'Quick navigation' }).getByRole('link', { name: 'Schedule' }).click();
      await page.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
      await page.getByRole('list', { name: 'Days of the week' }).waitFor();
      await screenshot(page, 'sessions-coach-schedule-phone');
      expect(await seriousA11yViolations(page)).toEqual([]);
      const day = localDate(start);
      if (day !== localDate(new Date())) await page.goto(`/schedule?day=${day}`); // the class starts after midnight
      await page.getByRole('link', { name: new RegExp(title) }).click();
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Booked (2 of 4)' }).waitFor();

      const row = (name: string) => page.getByRole('listitem').filter({ hasText: name });
      await row(regular.name).getByText('Pack almost used: 1 left').waitFor();
      await row(broke.name).getByText('No credits left').waitFor();
      for (const who of [regular, broke]) await row(who.name).getByText('First visit').waitFor();
      await row(regular.name).getByText('Health note').waitFor();
      expect(await row(broke.name).getByText('Health note').count()).toBe(0);
      expect(await row(regular.name).getByRole('link', { name: '07700 900123' }).getAttribute('href')).toBe(
        'tel:07700 900123',
      );

      await page.getByRole('button', { name: 'Mark all 2 attended' }).click();
      await page.getByText('2 attended · 0 no-show · 0 not marked').waitFor();
      await page.getByRole('button', { name: `No-show — ${broke.name}` }).click();
      await page.getByText('1 attended · 1 no-show · 0 not marked').waitFor();
      await expect(
        page.getByRole('button', { name: `Attended — ${regular.name}` }).getAttribute('aria-pressed'),
      ).resolves.toBe('true');
      await closeToasts(page);
      await screenshotBothSizes(page, 'sessions-coach-roster-attendance');

      const detail = await json<{ registrations: Array<{ user: { name: string }; status: string }> }>(
        await page.request.get(`/api/sessions/${sessionId}`),
      );
      expect(detail.registrations.map((r) => [r.user.name, r.status]).sort()).toEqual(
        [
          [regular.name, 'ATTENDED'],
          [broke.name, 'NO_SHOW'],
        ].sort(),
      );
      await page.context().close();
    },
  );
  it("an admin sees a client's bookings on the client's page", { timeout: 240_000 }, async () => {
    const client = account('client4');
    const title = `Spin ${Date.now().toString(36)}`;
    // 05:00 UTC two days on: before the demo coaches' 1-on-1 hours, so no seeded appointment is in the way.
    const start = new Date(Date.now() + 2 * 86_400_000);
    start.setUTCHours(5, 0, 0, 0);
    const sessionId = await scheduleClass({
      title,
      startTime: start,
      coachEmail: account('coach1').email,
      creditFor: client.email,
    });
    const clientId = await userId(client.email);
    await json(await admin.request.post(`/api/sessions/${sessionId}/registrations`, { data: { userId: clientId } }));

    for (const viewport of [DESKTOP, PHONE]) {
      const page = viewport === DESKTOP ? admin : await newPage(browser, PHONE);
      if (viewport === PHONE) await signIn(page, account('admin').email);
      await page.goto(`/admin/users/${clientId}`);
      await page.getByRole('heading', { name: 'Bookings' }).waitFor();
      const upcoming = page.getByRole('region', { name: 'Upcoming' });
      await upcoming.getByRole('listitem').filter({ hasText: title }).getByText('Booked', { exact: true }).waitFor();
      await screenshot(page, `sessions-admin-user-bookings-${viewport === DESKTOP ? 'desktop' : 'phone'}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
      if (viewport === PHONE) await page.context().close();
    }
  });

  it('a coach moves the rest of a weekly series to a later time on a phone', { timeout: 240_000 }, async () => {
    const coach = account('coach1');
    const title = `Kettlebells ${Date.now().toString(36)}`;
    const classType = await json<{ id: string }>(
      await admin.request.post('/api/class-types', {
        data: { name: title, defaultCapacity: 6, defaultDurationMins: 30 },
      }),
    );
    // Three Thursdays at 12:00 studio time, starting next week.
    const from = localDate(new Date(Date.now() + 7 * 86_400_000));
    const to = localDate(new Date(Date.now() + 28 * 86_400_000));
    const series = await json<{ sessions: Array<{ id: string; startTime: string }> }>(
      await admin.request.post('/api/schedules', {
        data: {
          classTypeId: classType.id,
          coachId: await userId(coach.email),
          daysOfWeek: ['THU'],
          localTime: '12:00',
          fromDate: from,
          toDate: to,
        },
      }),
    );
    expect(series.sessions).toHaveLength(3);

    const page = await newPage(browser, PHONE);
    await signIn(page, coach.email);
    await page.goto(`/classes/${series.sessions[0]!.id}`);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit class' });
    await dialog.getByLabel('Change this and all later classes of the series').check();
    await dialog.getByLabel('Starts').fill('12:30');
    await dialog.getByLabel('Ends').fill('13:15');
    await dialog.getByText('A new time applies to every later class of the series on its own day').waitFor();
    await screenshot(page, 'sessions-move-series-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved for this and the following classes.').waitFor();

    const times = await Promise.all(
      series.sessions.map(async (s) =>
        json<{ startTime: string; endTime: string }>(await page.request.get(`/api/sessions/${s.id}`)),
      ),
    );
    const wallClock = (iso: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', weekday: 'short' }).format(
        new Date(iso),
      );
    expect(times.map((t) => [wallClock(t.startTime), wallClock(t.endTime)])).toEqual(
      Array.from({ length: 3 }, () => ['Thu 12:30', 'Thu 13:15']),
    );
    await page.context().close();
  });

  it(
    'the new-class form says what is missing before sending, and shows what the server refuses',
    { timeout: 240_000 },
    async () => {
      const name = `Mobility ${Date.now().toString(36)}`;
      await json(
        await admin.request.post('/api/class-types', {
          data: { name, defaultCapacity: 6, defaultDurationMins: 30, creditCost: 1 },
        }),
      );
      const inTwoDays = localDate(new Date(Date.now() + 2 * 86_400_000));
      const fillClass = async () => {
        await admin.goto('/schedule/new');
        await admin.getByLabel('Class type').selectOption({ label: name });
        await admin.getByLabel('Date').fill(inTwoDays);
      };
      await fillClass();
      await admin.getByLabel('Ends (optional)').fill('06:00');
      await admin.getByLabel('Places (optional)').fill('0');
      await admin.getByRole('button', { name: 'Schedule class' }).click();
      await admin.getByText('Choose the start time').waitFor();
      await admin.getByText('Use at least 1').waitFor();
      expect(await admin.getByLabel('Starts').getAttribute('aria-invalid')).toBe('true');
      await admin.getByLabel('Starts').fill('06:15');
      await admin.getByLabel('Places (optional)').fill('');
      await admin.getByRole('button', { name: 'Schedule class' }).click();
      await admin.getByText('The end must be after the start').waitFor();
      await screenshotBothSizes(admin, 'new-class-client-error');

      // The same coach cannot teach two classes at once: the server says so, the form shows it.
      await admin.getByLabel('Ends (optional)').fill('');
      await admin.getByRole('button', { name: 'Schedule class' }).click();
      await admin.waitForURL(/\/classes\//);
      await fillClass();
      await admin.getByLabel('Starts').fill('06:15');
      await admin.getByRole('button', { name: 'Schedule class' }).click();
      await admin.getByText('This coach already has this class at that time').waitFor();
      await screenshotBothSizes(admin, 'new-class-server-error');
    },
  );

  it(
    'the new-class coach picker offers every active coach and admin; an ongoing weekly schedule is made',
    { timeout: 120_000 },
    async () => {
      const { staff } = await json<{ staff: Array<{ name: string }> }>(await admin.request.get('/api/staff'));
      expect(staff.length).toBeGreaterThan(1);
      await admin.goto('/schedule/new');
      const picker = admin.getByRole('combobox', { name: 'Coach' });
      await picker.locator('option', { hasText: staff.at(-1)!.name }).waitFor({ state: 'attached' });
      expect((await picker.locator('option').allTextContents()).sort()).toEqual(staff.map((s) => s.name).sort());

      // An ongoing weekly schedule with its own title, notes and length, laid out on a phone.
      const typeName = `Ongoing ${Date.now().toString(36)}`;
      await json(
        await admin.request.post('/api/class-types', {
          data: { name: typeName, defaultCapacity: 6, defaultDurationMins: 30, creditCost: 1 },
        }),
      );
      await admin.setViewportSize(PHONE);
      await admin.goto('/schedule/series/new');
      await admin.getByLabel('Class type').selectOption({ label: typeName });
      // The admin teaches it at 04:15, clear of every demo class and 1-on-1; the weekday is not today's.
      const weekday = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short' }).format(
        new Date(Date.now() + 2 * 86_400_000),
      );
      await admin.getByRole('group', { name: 'Days' }).getByText(weekday, { exact: true }).click();
      await admin.getByLabel('Start time').fill('04:15');
      // Date inputs whole, not cut by a column too narrow for them, at both sizes.
      for (const viewport of [PHONE, DESKTOP]) {
        await admin.setViewportSize(viewport);
        for (const input of await admin.locator('input[type="date"]').all()) {
          const fits = await input.evaluate((el) => {
            // A copy at its natural width says how wide the whole date needs to be.
            const probe = el.cloneNode() as HTMLInputElement;
            probe.style.cssText = 'position:absolute;visibility:hidden;width:auto;min-width:0;max-width:none';
            el.parentElement!.append(probe);
            const needed = probe.getBoundingClientRect().width;
            probe.remove();
            const box = el.getBoundingClientRect();
            return box.right <= window.innerWidth && box.width >= needed;
          });
          expect(fits).toBe(true);
        }
      }
      await admin.getByLabel(/^Ongoing/).check();
      expect(await admin.getByLabel('To (included)').count()).toBe(0);
      await admin.getByLabel('Title (optional)').fill(`${typeName} early`);
      await admin.getByLabel('Length in minutes (optional)').fill('45');
      await admin.getByLabel('Notes (optional)').fill('Bring a mat.');
      await admin.getByRole('button', { name: 'Preview' }).click();
      await admin.getByRole('heading', { name: '4 classes will be created' }).waitFor();
      await screenshotBothSizes(admin, 'sessions-ongoing-schedule-preview');
      const created = admin.waitForResponse(
        (r) => r.url().endsWith('/api/schedules') && r.request().method() === 'POST',
      );
      await admin.getByRole('button', { name: 'Create 4 classes' }).click();
      const response = await created;
      expect(response.ok()).toBe(true);
      const { sessions } = (await response.json()) as { sessions: Array<{ id: string }> };
      const first = await json<{ title: string; notes: string; startTime: string; endTime: string }>(
        await admin.request.get(`/api/sessions/${sessions[0]!.id}`),
      );
      expect([first.title, first.notes]).toEqual([`${typeName} early`, 'Bring a mat.']);
      expect(Date.parse(first.endTime) - Date.parse(first.startTime)).toBe(45 * 60_000);
      await admin.waitForURL(/\/schedule\?day=/);
    },
  );

  it('an admin makes a class type in its dialog: what is missing shows under its field', async () => {
    const name = `Kettlebell drill ${Date.now().toString(36)}`;
    await admin.setViewportSize(DESKTOP);
    await admin.goto('/schedule/class-types');
    await admin.getByRole('button', { name: 'New class type' }).click();
    const dialog = admin.getByRole('dialog', { name: 'New class type' });
    await dialog.getByLabel('Waitlist').selectOption({ label: 'Limited' });
    await dialog.getByLabel('People who may wait').fill('0');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText('Name cannot be empty').waitFor();
    await dialog.getByText('Enter how many people may wait, from 1 to 500').waitFor();
    expect(await dialog.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    await screenshotBothSizes(admin, 'sessions-class-type-dialog-errors');
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Description').fill('Short and sharp.');
    await dialog.getByLabel('Places').fill('8');
    await dialog.getByLabel('People who may wait').fill('3');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await admin.getByText(`${name} created.`).waitFor();
    const types = await json<
      Array<{ name: string; description: string; defaultCapacity: number; waitlistLimit: number | null }>
    >(await admin.request.get('/api/class-types'));
    expect(types.find((t) => t.name === name)).toMatchObject({
      description: 'Short and sharp.',
      defaultCapacity: 8,
      waitlistLimit: 3,
    });
  });

  it(
    "a weekly schedule's preview lists its dates whole, one line each, in even columns on a desktop and a phone",
    { timeout: 120_000 },
    async () => {
      const typeName = `Preview ${Date.now().toString(36)}`;
      await json(
        await admin.request.post('/api/class-types', {
          data: { name: typeName, defaultCapacity: 6, defaultDurationMins: 45, creditCost: 1 },
        }),
      );
      await admin.setViewportSize(DESKTOP);
      await admin.goto('/schedule/series/new');
      await admin.getByLabel('Class type').selectOption({ label: typeName });
      for (const day of ['Mon', 'Wed', 'Fri'])
        await admin.getByRole('group', { name: 'Days' }).getByText(day, { exact: true }).click();
      await admin.getByLabel('Start time').fill('18:30');
      // Eight weeks, well ahead: nothing is created (only previewed), so no other test can meet it.
      await admin.getByLabel('From').fill(localDate(new Date(Date.now() + 200 * 86_400_000)));
      await admin.getByLabel('To (included)').fill(localDate(new Date(Date.now() + 255 * 86_400_000)));
      await admin.getByRole('button', { name: 'Preview' }).click();
      const list = admin.getByRole('list', { name: 'Classes that will be created' });
      await list.getByRole('listitem').nth(20).waitFor();
      for (const viewport of [DESKTOP, PHONE]) {
        await admin.setViewportSize(viewport);
        const layout = await list.evaluate((ul) =>
          [...ul.children].map((li) => {
            const range = document.createRange();
            range.selectNodeContents(li);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
            const box = li.getBoundingClientRect();
            return { lines, width: Math.round(box.width), inside: box.right <= ul.getBoundingClientRect().right + 0.5 };
          }),
        );
        // Every date and time on one line, every chip as wide as the others and inside the list.
        expect(layout.filter((chip) => chip.lines !== 1 || !chip.inside)).toEqual([]);
        expect(new Set(layout.map((chip) => chip.width)).size).toBe(1);
      }
      await screenshotBothSizes(admin, 'sessions-weekly-schedule-preview');
    },
  );
});
