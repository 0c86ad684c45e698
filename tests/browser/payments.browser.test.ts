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

  it('an admin refunds the online payment and records a cash payment through the dialogs', async () => {
    const p = await page(DESKTOP);
    await signIn(p, admin.email);
    await p.goto('/admin/payments');
    const row = (text: string) => p.getByRole('listitem').filter({ hasText: text });
    const online = row('Chris Doyle · 5 Class Pack');
    await online.waitFor();
    await atBothSizes(p, 'payments-admin');
    await p.setViewportSize(DESKTOP);
    await online.getByRole('button', { name: 'Refund' }).click();
    const refund = p.getByRole('dialog');
    await refund.getByLabel('Reason').waitFor();
    await screenshot(p, 'payments-refund-dialog-desktop');
    expect(await seriousA11yViolations(p)).toEqual([]);
    const refundable = Math.round(Number(await refund.getByLabel('Amount (£)').inputValue()) * 100);
    expect(refundable).toBeGreaterThan(0);
    await refund.getByLabel('Reason').fill('Moved away');
    await refund.getByRole('button', { name: 'Refund', exact: true }).click();
    await p.getByText(/^Refunded £.* to Chris Doyle; \d+ unused credits removed\.$/).waitFor();
    await online.getByText('Refunded', { exact: true }).waitFor();
    await online.getByText(/^Refunded £.*: Moved away$/).waitFor();
    expect(await online.getByRole('button', { name: 'Refund' }).count()).toBe(0);
    // The money went back through the provider, once, with an idempotency key.
    const refunds = stripe.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds');
    expect(refunds.map((r) => [Number(r.params.amount), Boolean(r.idempotencyKey)])).toEqual([[refundable, true]]);

    await p.getByRole('button', { name: 'Record a payment' }).click();
    const manual = p.getByRole('dialog', { name: 'Record a payment' });
    await manual.getByLabel('Client', { exact: true }).waitFor();
    await p.setViewportSize(PHONE);
    await screenshot(p, 'payments-manual-dialog-phone');
    expect(await seriousA11yViolations(p)).toEqual([]);
    await manual.getByLabel('Find the client').fill('Megan');
    const megan = manual.getByRole('option', { name: /^Megan Lewis/ });
    await megan.waitFor({ state: 'attached' });
    await manual.getByLabel('Client', { exact: true }).selectOption({ label: (await megan.textContent())! });
    const pack = manual.getByRole('option', { name: /^5 Class Pack/ });
    await manual.getByLabel('Plan', { exact: true }).selectOption({ label: (await pack.textContent())! });
    await manual.getByLabel('Amount (£)').fill('42.50');
    await manual.getByLabel('Reference (optional)').fill('Front desk till');
    await manual.getByRole('button', { name: 'Record payment' }).click();
    await p.getByText(/^Recorded .* for Megan Lewis\. Their plan has started\.$/).waitFor();
    const cash = row('Megan Lewis · 5 Class Pack');
    await cash.getByText(/Cash · Front desk till/).waitFor();
    await cash.getByText('£42.50').waitFor();
    await cash.getByText('Paid', { exact: true }).waitFor();
    for (const button of await p.getByRole('button', { name: 'Close toast' }).all())
      await button.click().catch(() => undefined);
    await p.locator('[data-sonner-toast]').first().waitFor({ state: 'detached', timeout: 10_000 });
    await atBothSizes(p, 'payments-admin-refunded-and-cash');
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
    // Off to Checkout for a monthly subscription, and back to the page that waits for the webhook.
    expect(checkout.params.mode).toBe('subscription');
    expect(checkout.params['line_items[0][price_data][recurring][interval]']).toBe('month');
    expect(checkout.params.success_url).toBe(p.url());
    await p.getByText('Confirming your payment…').waitFor();
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

  it('cancelled in the billing portal: My membership and the member list say when it ends; undone, it renews', async () => {
    const paymentId = stripe.requests.find((r) => r.params.mode === 'subscription')!.params.client_reference_id!;
    const deliverEvent = async (type: string, object: Record<string, unknown>, created: number) => {
      const event = signedEvent(type, object, undefined, created);
      const delivered = await fetch(`${roster.baseUrl}/api/payments/webhooks/stripe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': event.signature },
        body: event.payload,
      });
      expect(delivered.status).toBe(200);
    };
    const now = Math.floor(Date.now() / 1000);
    const periodEnd = new Date((now + 30 * 86_400) * 1000);
    // The Direct Debit went through (first invoice paid, with its period), then the client cancels in the portal.
    const invoice = stripeObjects.invoice({
      id: 'in_browser_dd',
      subscription: 'sub_browser_dd',
      amount: 10900,
      reason: 'subscription_create',
      paymentId,
      periodEnd: now + 30 * 86_400,
    });
    await deliverEvent('invoice.paid', invoice, now);
    const update = (cancelAt: Date | null) => stripeObjects.subscription({ id: 'sub_browser_dd', paymentId, cancelAt });
    await deliverEvent('customer.subscription.updated', update(periodEnd), now);

    const p = await page(DESKTOP);
    await signIn(p, client.email);
    await p.goto('/membership');
    await p.getByText(/^Cancelled — ends on \w{3} \d{1,2} \w{3} \d{4}\. It will not renew/).waitFor();
    await p.getByText('Ending', { exact: true }).waitFor();
    await p.getByText(/^Cancelled — no more payments\. Your membership ends on /).waitFor();
    await atBothSizes(p, 'payments-portal-cancelled');

    const a = await page(DESKTOP);
    await signIn(a, admin.email);
    await a.goto('/members');
    await a
      .getByText(/\(ends \w{3} \d{1,2} \w{3}\)/)
      .first()
      .waitFor();
    const found = await a.evaluate(() => fetch('/api/members?query=chris').then((r) => r.json()));
    await a.goto(`/admin/users/${(found as { members: Array<{ id: string }> }).members[0]!.id}`);
    await a.getByText(/^Cancelled — ends on .+: the client cancelled it in the billing portal/).waitFor();
    await atBothSizes(a, 'payments-portal-cancelled-staff');

    await deliverEvent('customer.subscription.updated', update(null), now + 1);
    await p.reload();
    await p.getByText(/^Next payment /).waitFor();
    expect(await p.getByText(/Cancelled — ends on/).count()).toBe(0);
  }, 180_000);
});
