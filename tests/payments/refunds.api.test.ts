import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';
import { startFakeStripe, stripeObjects, type FakeStripe } from '../support/fake-stripe';
import { checkout, createPlan, creditsOf, deliverOk, membershipsOf } from './support';

/*
 * An admin refunds through Stripe: a partial refund shortens the pack (its share of the unused
 * credits goes), the rest cancels it and revokes every unused credit — each refund carrying its
 * own idempotency key, each recorded once.
 */

let stripe: FakeStripe;
let t: TestApp;
let admin: TestUser;
let client: TestUser;
let paymentId: string;

beforeAll(async () => {
  stripe = await startFakeStripe();
  t = await createTestApp({ config: { stripe: stripe.config }, now: new Date('2026-03-04T09:00:00Z') });
  admin = await createUser(t.app, 'ADMIN', 'Alex Admin');
  client = await createUser(t.app, 'CLIENT', 'Sam Client');
  const pack = await createPlan(t.app, admin, { name: '10 class pack', type: 'PACK', totalCredits: 10, price: 90 });
  ({ paymentId } = await checkout(t.app, client, pack));
  await deliverOk(
    t.app,
    'checkout.session.completed',
    stripeObjects.checkoutSession({ paymentId, amount: 9000, paymentIntent: 'pi_refundable' }),
  );
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});

const refund = (amountMinor: number) =>
  as(t.app, admin).post(`/api/admin/payments/${paymentId}/refunds`, { amountMinor, reason: 'Moving away' });

describe('refunds', () => {
  it('a partial refund revokes the same share of the unused credits; the plan stays', async () => {
    const r = await refund(4500);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ refundedMinor: 4500, creditsRevoked: 5 });
    expect(await creditsOf(t.app, client)).toBe(5);
    expect(stripe.requests.filter((q) => q.path === '/v1/refunds')).toEqual([
      expect.objectContaining({
        idempotencyKey: `refund:${paymentId}:1`,
        params: { payment_intent: 'pi_refundable', amount: '4500' },
      }),
    ]);
    expect((await membershipsOf(t.app, client))[0]).toMatchObject({ status: 'ACTIVE' });
  });

  it('more than is left is refused and changes nothing', async () => {
    const r = await refund(4501);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields[0].path).toBe('amountMinor');
    expect(await creditsOf(t.app, client)).toBe(5);
  });

  it('refunding the rest cancels the plan and revokes every unused credit, in the ledger', async () => {
    const r = await refund(4500);
    expect(r.json()).toEqual({ refundedMinor: 9000, creditsRevoked: 5 });
    expect(await creditsOf(t.app, client)).toBe(0);
    expect(await membershipsOf(t.app, client)).toEqual([]);
    const ledger = (await as(t.app, client).get('/api/me/credit-transactions')).json().entries;
    expect(
      ledger
        .filter((e: { reasonCode: string }) => e.reasonCode === 'PAYMENT_REFUNDED')
        .map((e: { amount: number }) => e.amount),
    ).toEqual([-5, -5]);
    const payment = (await as(t.app, client).get(`/api/me/payments/${paymentId}`)).json();
    expect(payment).toMatchObject({ status: 'REFUNDED', refundedMinor: 9000 });
    expect(payment.refunds).toHaveLength(2);
    const keys = stripe.requests.filter((q) => q.path === '/v1/refunds').map((q) => q.idempotencyKey);
    expect(keys).toEqual([`refund:${paymentId}:1`, `refund:${paymentId}:2`]);
  });

  it('a refunded payment cannot be refunded again', async () => {
    const r = await refund(1);
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('PAYMENT_NOT_REFUNDABLE');
  });
});
