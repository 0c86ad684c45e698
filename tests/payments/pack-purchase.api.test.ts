import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/rows';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';
import { signedEvent, startFakeStripe, stripeObjects, type FakeStripe } from '../support/fake-stripe';
import { checkout, createPlan, creditsOf, deliver, deliverOk, membershipsOf } from './support';

/*
 * A pack bought online: Checkout through the real Stripe client (against a fake Stripe on
 * 127.0.0.1), credits only from the signed webhook, exactly once; a tampered webhook is refused
 * and writes nothing; manual payments; and without Stripe no online purchase at all.
 */

let stripe: FakeStripe;
let t: TestApp;
let admin: TestUser;
let client: TestUser;
let pack: string;

const countRows = async (table: string) =>
  Number(rowsOf<{ n: string }>(await t.database.db.execute(sql.raw(`SELECT count(*) AS n FROM ${table}`)))[0]!.n);

beforeAll(async () => {
  stripe = await startFakeStripe();
  t = await createTestApp({ config: { stripe: stripe.config }, now: new Date('2026-03-04T09:00:00Z') });
  admin = await createUser(t.app, 'ADMIN', 'Alex Admin');
  client = await createUser(t.app, 'CLIENT', 'Sam Client');
  pack = await createPlan(t.app, admin, { name: '10 class pack', type: 'PACK', totalCredits: 10, price: 90 });
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});

describe('buying a pack online', () => {
  it('says online purchase is on', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/settings/public' });
    expect(r.json().payments).toEqual({ online: true });
  });

  it('starts a Checkout in payment mode with an idempotency key; nothing is granted by the redirect', async () => {
    const { paymentId, url } = await checkout(t.app, client, pack);
    expect(url).toBe(`https://checkout.stripe.test/c/pay/${paymentId}`);
    const call = stripe.requests.find((r) => r.params.client_reference_id === paymentId)!;
    expect(call).toMatchObject({
      method: 'POST',
      path: '/v1/checkout/sessions',
      idempotencyKey: `checkout:${paymentId}`,
    });
    expect(call.params).toMatchObject({
      mode: 'payment',
      'line_items[0][price_data][unit_amount]': '9000',
      'line_items[0][price_data][currency]': 'gbp',
    });
    const mine = await as(t.app, client).get(`/api/me/payments/${paymentId}`);
    expect(mine.json()).toMatchObject({ status: 'OPEN', amountMinor: 9000, currency: 'GBP' });
    expect(await creditsOf(t.app, client)).toBe(0);
    expect(await membershipsOf(t.app, client)).toEqual([]);
  });

  it('the paid webhook starts the pack and grants its credits once, however often it is delivered', async () => {
    const { paymentId } = await checkout(t.app, client, pack);
    const event = signedEvent('checkout.session.completed', stripeObjects.checkoutSession({ paymentId, amount: 9000 }));
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await deliver(t.app, event)).json());
    expect(answers).toEqual([
      { received: true, duplicate: false },
      { received: true, duplicate: true },
      { received: true, duplicate: true },
    ]);
    // A different event about the same payment (async success after completion) adds nothing either.
    await deliverOk(
      t.app,
      'checkout.session.async_payment_succeeded',
      stripeObjects.checkoutSession({ paymentId, amount: 9000 }),
    );
    expect(await creditsOf(t.app, client)).toBe(10);
    const payment = (await as(t.app, client).get(`/api/me/payments/${paymentId}`)).json();
    expect(payment).toMatchObject({ status: 'SUCCEEDED', receiptNumber: expect.stringMatching(/^R-\d{6}$/) });
    const memberships = await membershipsOf(t.app, client);
    expect(memberships).toEqual([
      expect.objectContaining({ id: payment.membershipId, status: 'ACTIVE', planName: '10 class pack' }),
    ]);
    const mine = (await as(t.app, client).get('/api/me/payments')).json().payments;
    expect(mine.map((p: { id: string }) => p.id)).toContain(paymentId);
  });

  it('refuses a tampered or unsigned webhook with 400 and writes nothing', async () => {
    const { paymentId } = await checkout(t.app, client, pack);
    const events = await countRows('processed_webhook_events');
    const genuine = signedEvent(
      'checkout.session.completed',
      stripeObjects.checkoutSession({ paymentId, amount: 9000 }),
    );
    const tampered = { ...genuine, payload: genuine.payload.replace('"amount_total":9000', '"amount_total":1') };
    const wrongSecret = signedEvent(
      'checkout.session.completed',
      stripeObjects.checkoutSession({ paymentId, amount: 9000 }),
      'whsec_someone_else',
    );
    for (const bad of [tampered, wrongSecret, { payload: genuine.payload, signature: '' }]) {
      const r = await deliver(t.app, bad);
      expect(r.statusCode).toBe(400);
      expect(r.json().error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    }
    expect(await countRows('processed_webhook_events')).toBe(events);
    expect((await as(t.app, client).get(`/api/me/payments/${paymentId}`)).json().status).toBe('OPEN');
  });

  it("a client cannot read another client's payment", async () => {
    const other = await createUser(t.app, 'CLIENT');
    const { paymentId } = await checkout(t.app, client, pack);
    expect((await as(t.app, other).get(`/api/me/payments/${paymentId}`)).statusCode).toBe(404);
  });
});

describe('manual payments', () => {
  it('an admin records cash: the plan starts with its credits and the client sees the receipt', async () => {
    const walkIn = await createUser(t.app, 'CLIENT', 'Walk In');
    const r = await as(t.app, admin).post('/api/admin/payments/manual', {
      userId: walkIn.id,
      planId: pack,
      startDate: '2026-03-04',
      amountMinor: 9000,
      method: 'cash',
      reference: 'Front desk',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      provider: 'MANUAL',
      status: 'SUCCEEDED',
      method: 'cash',
      recordedByName: 'Alex Admin',
    });
    expect(await creditsOf(t.app, walkIn)).toBe(10);
    const mine = (await as(t.app, walkIn).get('/api/me/payments')).json().payments;
    expect(mine).toEqual([expect.objectContaining({ receiptNumber: r.json().receiptNumber, amountMinor: 9000 })]);
    const all = (await as(t.app, admin).get('/api/admin/payments')).json().payments;
    expect(all.map((p: { id: string }) => p.id)).toContain(r.json().id);
  });
});

describe('without Stripe', () => {
  it('online purchase is off: no checkout and no billing portal', async () => {
    const plain = await createTestApp();
    try {
      const someone = await createUser(plain.app, 'CLIENT');
      expect((await plain.app.inject({ method: 'GET', url: '/api/settings/public' })).json().payments).toEqual({
        online: false,
      });
      const r = await as(plain.app, someone).post('/api/payments/checkout', {
        planId: '00000000-0000-4000-8000-000000000000',
      });
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe('ONLINE_PAYMENTS_OFF');
      expect((await as(plain.app, someone).post('/api/me/billing/portal')).json().error.code).toBe(
        'BILLING_NOT_SET_UP',
      );
    } finally {
      await plain.close();
    }
  });
});
