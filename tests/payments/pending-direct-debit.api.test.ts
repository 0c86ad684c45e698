import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';
import { signedEvent, startFakeStripe, stripeObjects, type FakeStripe } from '../support/fake-stripe';
import { checkout, createPlan, creditsOf, deliver, deliverOk, membershipsOf } from './support';

/*
 * A monthly plan paid by Bacs Direct Debit, whose money arrives days after Checkout completes
 * (ADR 0023). Setting off: nothing until the bank pays. Setting on: the plan starts at once,
 * provisionally, with one week's credits; paid → the rest follow (never the first week twice);
 * failed → the plan is cancelled and its unused credits taken back, booked classes stay booked.
 */

let stripe: FakeStripe;
let t: TestApp;
let admin: TestUser;
let coach: TestUser;
let monthly: string;
let subCounter = 0;

// 2026-03-04 is a Wednesday: with the default 14-day booking window a confirmed plan holds the
// weeks of 2, 9 and 16 March (3 × 3 credits); a provisional one only the week of 2 March.
const CONFIRMED = 9;
const FIRST_WEEK = 3;

beforeAll(async () => {
  stripe = await startFakeStripe();
  t = await createTestApp({ config: { stripe: stripe.config }, now: new Date('2026-03-04T09:00:00Z') });
  admin = await createUser(t.app, 'ADMIN', 'Alex Admin');
  coach = await createUser(t.app, 'COACH', 'Casey Coach');
  monthly = await createPlan(t.app, admin, { name: 'Committed', type: 'RECURRING', creditsPerWeek: 3, price: 109 });
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});

const grantWhilePending = async (value: boolean) => {
  const r = await as(t.app, admin).put('/api/admin/settings/payments.grantWhilePending', { value });
  expect(r.statusCode, r.body).toBe(200);
};

/** A client who chose Bacs in Checkout: the session completes unpaid (Stripe lists both methods). */
async function directDebitCheckout() {
  const client = await createUser(t.app, 'CLIENT');
  const { paymentId } = await checkout(t.app, client, monthly);
  subCounter += 1;
  const session = (paid: boolean) =>
    stripeObjects.checkoutSession({
      paymentId,
      paid,
      mode: 'subscription',
      amount: 10900,
      subscription: `sub_dd_${subCounter}`,
      customer: `cus_dd_${subCounter}`,
      paymentIntent: null,
      methods: ['card', 'bacs_debit'],
    });
  const pending = signedEvent('checkout.session.completed', session(false));
  expect((await deliver(t.app, pending)).statusCode).toBe(200);
  return { client, paymentId, session, pending, subscription: `sub_dd_${subCounter}` };
}

const paymentOf = async (client: TestUser, id: string) =>
  (await as(t.app, client).get(`/api/me/payments/${id}`)).json();
const notifications = async (user: TestUser) =>
  (await as(t.app, user).get('/api/me/notifications')).json().items as Array<{ kind: string; title: string }>;

describe('Direct Debit pending, setting off (the default)', () => {
  it('grants nothing until the bank pays; then the plan starts with all its weeks', async () => {
    const { client, paymentId, session } = await directDebitCheckout();
    expect(await paymentOf(client, paymentId)).toMatchObject({
      status: 'PENDING',
      method: 'bacs_debit',
      membershipId: null,
    });
    expect(await membershipsOf(t.app, client)).toEqual([]);
    expect(await creditsOf(t.app, client)).toBe(0);

    await deliverOk(t.app, 'checkout.session.async_payment_succeeded', session(true));
    expect(await membershipsOf(t.app, client)).toEqual([expect.objectContaining({ status: 'ACTIVE' })]);
    expect(await creditsOf(t.app, client)).toBe(CONFIRMED);
  });
});

describe('Direct Debit pending, setting on', () => {
  beforeAll(() => grantWhilePending(true));

  it('starts the plan provisionally with the first week only, once however often the event comes', async () => {
    const { client, paymentId, pending } = await directDebitCheckout();
    expect((await deliver(t.app, pending)).json()).toEqual({ received: true, duplicate: true });
    const payment = await paymentOf(client, paymentId);
    expect(payment).toMatchObject({ status: 'PENDING', method: 'bacs_debit', membershipId: expect.any(String) });
    expect(await membershipsOf(t.app, client)).toEqual([
      expect.objectContaining({ id: payment.membershipId, status: 'ACTIVE', planName: 'Committed' }),
    ]);
    expect(await creditsOf(t.app, client)).toBe(FIRST_WEEK);
    expect((await notifications(client)).map((n) => n.title)).toContain(
      "Direct Debit pending — first week's credits given",
    );
    // The hourly allocation job gives a provisional plan nothing more.
    const { runWeeklyAllocation } = await import('../../src/services/credits/allocate-weekly-credits');
    await runWeeklyAllocation(t.database.db, new Date('2026-03-04T10:00:00Z'));
    expect(await creditsOf(t.app, client)).toBe(FIRST_WEEK);
    const billing = (await as(t.app, client).get('/api/me/billing')).json();
    expect(billing.subscription).toMatchObject({ method: 'bacs_debit', status: 'ACTIVE' });
  });

  it('paid: the plan stays, is no longer provisional and gets its later weeks — never the first twice', async () => {
    const { client, paymentId, session, subscription } = await directDebitCheckout();
    const provisional = (await paymentOf(client, paymentId)).membershipId;
    await deliverOk(t.app, 'checkout.session.async_payment_succeeded', session(true));
    // Stripe also says the first invoice is paid: nothing more.
    await deliverOk(
      t.app,
      'invoice.paid',
      stripeObjects.invoice({
        id: `in_${subscription}`,
        subscription,
        amount: 10900,
        reason: 'subscription_create',
        paymentId,
      }),
    );
    expect(await paymentOf(client, paymentId)).toMatchObject({ status: 'SUCCEEDED', membershipId: provisional });
    expect(await membershipsOf(t.app, client)).toEqual([
      expect.objectContaining({ id: provisional, status: 'ACTIVE' }),
    ]);
    expect(await creditsOf(t.app, client)).toBe(CONFIRMED);
    const grants = (await as(t.app, client).get('/api/me/credit-transactions'))
      .json()
      .entries.filter((e: { kind: string }) => e.kind === 'GRANT');
    expect(grants).toHaveLength(3);
  });

  it('failed: the plan is cancelled and its unused credits taken back in one go; a booked class stays booked', async () => {
    const { client, paymentId, session } = await directDebitCheckout();
    const classType = (
      await as(t.app, admin).post('/api/class-types', { name: 'HIIT', defaultCapacity: 10, defaultDurationMins: 45 })
    ).json().id as string;
    const classId = (
      await as(t.app, admin).post('/api/sessions', {
        classTypeId: classType,
        coachId: coach.id,
        startTime: '2026-03-05T07:30:00.000Z',
      })
    ).json().id as string;
    const booked = await as(t.app, client).post(`/api/sessions/${classId}/registrations`, {});
    expect(booked.statusCode, booked.body).toBe(201);
    expect(await creditsOf(t.app, client)).toBe(FIRST_WEEK - 1);

    const failed = signedEvent('checkout.session.async_payment_failed', session(false));
    expect((await deliver(t.app, failed)).statusCode).toBe(200);
    expect((await deliver(t.app, failed)).json().duplicate).toBe(true);
    expect(await paymentOf(client, paymentId)).toMatchObject({ status: 'FAILED' });
    expect(await membershipsOf(t.app, client)).toEqual([]);
    expect(await creditsOf(t.app, client)).toBe(0);
    const ledger = (await as(t.app, client).get('/api/me/credit-transactions')).json().entries as Array<{
      reasonCode: string;
      amount: number;
    }>;
    expect(ledger.filter((e) => e.reasonCode === 'PAYMENT_FAILED').map((e) => e.amount)).toEqual([-(FIRST_WEEK - 1)]);
    const mine = (await as(t.app, client).get('/api/me/registrations')).json();
    expect(JSON.stringify(mine)).toContain(classId);
    expect((await notifications(client)).map((n) => n.kind)).toEqual(
      expect.arrayContaining(['payment_failed', 'membership_cancelled']),
    );
    expect((await notifications(admin)).map((n) => n.title)).toContain(
      `A Direct Debit failed: ${(await paymentOf(client, paymentId)).receiptNumber}`,
    );
    expect((await as(t.app, client).get('/api/me/billing')).json().subscription).toBeNull();
  });

  it('the first invoice failing is the same failure: the plan goes, once', async () => {
    const { client, paymentId, subscription } = await directDebitCheckout();
    const firstInvoice = stripeObjects.invoice({
      id: `in_${subscription}`,
      subscription,
      amount: 10900,
      reason: 'subscription_create',
      paymentId,
    });
    await deliverOk(t.app, 'invoice.payment_failed', firstInvoice);
    await deliverOk(t.app, 'invoice.payment_failed', firstInvoice);
    expect(await paymentOf(client, paymentId)).toMatchObject({ status: 'FAILED' });
    expect(await membershipsOf(t.app, client)).toEqual([]);
    expect(await creditsOf(t.app, client)).toBe(0);
    // Stripe retried and the bank paid after all: the plan starts afresh, with all its weeks.
    await deliverOk(t.app, 'invoice.paid', firstInvoice);
    expect(await membershipsOf(t.app, client)).toEqual([expect.objectContaining({ status: 'ACTIVE' })]);
    expect(await creditsOf(t.app, client)).toBe(CONFIRMED);
    expect((await as(t.app, client).get('/api/me/billing')).json().subscription).toMatchObject({ status: 'ACTIVE' });
  });

  it('admins see the pending payment with the plan it started', async () => {
    const { client, paymentId } = await directDebitCheckout();
    const all = (await as(t.app, admin).get('/api/admin/payments')).json().payments as Array<Record<string, unknown>>;
    expect(all.find((p) => p.id === paymentId)).toMatchObject({
      status: 'PENDING',
      userId: client.id,
      membershipId: expect.any(String),
    });
  });
});
