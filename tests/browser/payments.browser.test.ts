import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/seed/demo-accounts';
import { signedEvent, startFakeStripe, stripeObjects, type FakeStripe } from '../support/fake-stripe';
import { DESKTOP, PHONE, launchBrowser, screenshot, seriousA11yViolations, signIn } from './support/browser';
import { startRoster } from './support/roster-server';

/*
 * Buying a pack online, in Chromium, against a Roster started with Stripe pointed at the fake
 * Stripe: Plans → Buy → (Checkout, which the fake sends straight back to the success URL) →
 * the "payment received" page waits → the test delivers the signed webhook → "Paid".
 */

let browser: Browser;
let stripe: FakeStripe;
let roster: { baseUrl: string; stop: () => Promise<void> };

beforeAll(async () => {
  stripe = await startFakeStripe();
  stripe.checkoutUrl = (params) => params.success_url!;
  const api = stripe.config.api!;
  roster = await startRoster({
    STRIPE_SECRET_KEY: stripe.config.secretKey,
    STRIPE_WEBHOOK_SECRET: stripe.config.webhookSecret,
    STRIPE_API_BASE: `${api.protocol}://${api.host}:${api.port}`,
  });
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await roster?.stop();
  await stripe?.close();
});

const client = DEMO_ACCOUNTS.find((a) => a.key === 'client6')!; // Chris: no plan yet
const admin = DEMO_ACCOUNTS.find((a) => a.key === 'admin')!;

async function page(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    baseURL: roster.baseUrl,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  return context.newPage();
}

async function atBothSizes(p: Page, name: string) {
  await p.setViewportSize(DESKTOP);
  await screenshot(p, `${name}-desktop`);
  expect(await seriousA11yViolations(p)).toEqual([]);
  await p.setViewportSize(PHONE);
  await screenshot(p, `${name}-phone`);
  expect(await seriousA11yViolations(p)).toEqual([]);
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

describe('buying online', () => {
  it('Plans → Buy → back from Checkout → waits for the webhook → paid, with credits', async () => {
    const p = await page(PHONE);
    await signIn(p, client.email);
    await p.goto('/plans');
    await p.getByRole('button', { name: 'Buy 5 Class Pack' }).waitFor();
    await p
      .getByRole('button', { name: /^Subscribe to / })
      .first()
      .waitFor();
    await atBothSizes(p, 'payments-plans-online');

    await p.getByRole('button', { name: 'Buy 5 Class Pack' }).click();
    await p.waitForURL(/\/payments\/[0-9a-f-]{36}$/);
    await p.getByText('Confirming your payment…').waitFor();
    await atBothSizes(p, 'payments-confirming');

    const paymentId = new URL(p.url()).pathname.split('/').pop()!;
    const checkout = stripe.requests.find((r) => r.params.client_reference_id === paymentId)!;
    const event = signedEvent(
      'checkout.session.completed',
      stripeObjects.checkoutSession({
        paymentId,
        amount: Number(checkout.params['line_items[0][price_data][unit_amount]']),
      }),
    );
    const delivered = await fetch(`${roster.baseUrl}/api/payments/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': event.signature },
      body: event.payload,
    });
    expect(delivered.status).toBe(200);

    await p.getByText('Paid — your plan is active').waitFor({ timeout: 15_000 });
    await atBothSizes(p, 'payments-paid');
    await p.getByRole('link', { name: 'See your membership' }).click();
    await p.getByText('5 Class Pack', { exact: true }).first().waitFor();
    await p.getByRole('link', { name: '5 Class Pack' }).waitFor(); // the receipt in "Payments"
    await atBothSizes(p, 'payments-my-membership');
  }, 240_000);

  it('an admin sees the payment and can open a refund and record a cash payment', async () => {
    const p = await page(DESKTOP);
    await signIn(p, admin.email);
    await p.goto('/admin/payments');
    await p.getByText(/Chris Doyle · 5 Class Pack/).waitFor();
    await atBothSizes(p, 'payments-admin');
    await p.setViewportSize(DESKTOP);
    await p.getByRole('button', { name: 'Refund' }).first().click();
    await p.getByRole('dialog').getByLabel('Reason').waitFor();
    await screenshot(p, 'payments-refund-dialog-desktop');
    expect(await seriousA11yViolations(p)).toEqual([]);
    await p.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).last().click();
    await p.getByRole('button', { name: 'Record a payment' }).click();
    await p.getByRole('dialog').getByLabel('Client', { exact: true }).waitFor();
    await p.setViewportSize(PHONE);
    await screenshot(p, 'payments-manual-dialog-phone');
    expect(await seriousA11yViolations(p)).toEqual([]);
  }, 180_000);

  it('with "first week while pending" on, a Direct Debit still with the bank starts the plan and says so', async () => {
    const a = await page(DESKTOP);
    await signIn(a, admin.email);
    await a.goto('/admin/settings');
    const setting = { name: 'Give the first week while a Direct Debit is pending' };
    await a.getByRole('switch', setting).click();
    await a.getByRole('switch', { ...setting, checked: true }).waitFor();

    const p = await page(PHONE);
    await signIn(p, client.email); // holds only a pack (bought above): a monthly plan may start
    await p.goto('/plans');
    const subscribe = p.getByRole('button', { name: /^Subscribe to / }).first();
    await subscribe.click();
    await p.waitForURL(/\/payments\/[0-9a-f-]{36}$/);
    const paymentId = new URL(p.url()).pathname.split('/').pop()!;
    const checkout = stripe.requests.find((r) => r.params.client_reference_id === paymentId)!;
    const pending = signedEvent(
      'checkout.session.completed',
      stripeObjects.checkoutSession({
        paymentId,
        paid: false,
        mode: 'subscription',
        amount: Number(checkout.params['line_items[0][price_data][unit_amount]']),
        subscription: 'sub_browser_dd',
        methods: ['card', 'bacs_debit'],
      }),
    );
    const delivered = await fetch(`${roster.baseUrl}/api/payments/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': pending.signature },
      body: pending.payload,
    });
    expect(delivered.status).toBe(200);
    await p
      .getByText(/^Direct Debit pending — first week's credits given/)
      .first()
      .waitFor({ timeout: 15_000 });
    await atBothSizes(p, 'payments-direct-debit-pending');

    await a.goto('/admin/payments');
    await a.getByText("Direct Debit pending — first week's credits given", { exact: true }).first().waitFor();
    await a.goto('/admin/settings');
    await a.getByRole('switch', setting).click(); // back to the default
    await a.getByRole('switch', { ...setting, checked: false }).waitFor();
  }, 180_000);
});
