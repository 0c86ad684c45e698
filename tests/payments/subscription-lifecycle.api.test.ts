import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';
import { startFakeStripe, stripeObjects, type FakeStripe } from '../support/fake-stripe';
import { checkout, createPlan, creditsOf, deliverOk, membershipsOf } from './support';

/*
 * A monthly plan paid through Stripe: created (Checkout in subscription mode, card or Bacs),
 * renewed (invoice.paid), payment failed (paused only once Stripe stops retrying; client and
 * admins told; paid later → resumed), cancelled in the Customer Portal (subscription deleted).
 */

let stripe: FakeStripe;
let t: TestApp;
let admin: TestUser;
let client: TestUser;
let monthly: string;
let paymentId: string;
const SUB = 'sub_test_lifecycle';

const notificationKinds = async (user: TestUser) =>
  ((await as(t.app, user).get('/api/me/notifications')).json().items as Array<{ kind: string }>).map((n) => n.kind);

beforeAll(async () => {
  stripe = await startFakeStripe();
  t = await createTestApp({ config: { stripe: stripe.config }, now: new Date('2026-03-04T09:00:00Z') });
  admin = await createUser(t.app, 'ADMIN', 'Alex Admin');
  client = await createUser(t.app, 'CLIENT', 'Sam Client');
  monthly = await createPlan(t.app, admin, { name: 'Committed', type: 'RECURRING', creditsPerWeek: 3, price: 109 });
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});

describe('a monthly plan through Stripe', () => {
  it('created: Checkout in subscription mode offers card or Direct Debit; the paid webhook starts the plan', async () => {
    ({ paymentId } = await checkout(t.app, client, monthly));
    const call = stripe.requests.find((r) => r.params.client_reference_id === paymentId)!;
    expect(call.params).toMatchObject({
      mode: 'subscription',
      'allowed_payment_method_types[0]': 'card',
      'allowed_payment_method_types[1]': 'bacs_debit',
      'line_items[0][price_data][recurring][interval]': 'month',
      'subscription_data[metadata][paymentId]': paymentId,
    });
    // The first invoice may come before the checkout's own event: either one starts the plan, once.
    await deliverOk(
      t.app,
      'invoice.paid',
      stripeObjects.invoice({
        id: 'in_first',
        subscription: SUB,
        amount: 10900,
        reason: 'subscription_create',
        paymentId,
      }),
    );
    await deliverOk(
      t.app,
      'checkout.session.completed',
      stripeObjects.checkoutSession({
        paymentId,
        amount: 10900,
        mode: 'subscription',
        subscription: SUB,
        paymentIntent: null,
        method: 'bacs_debit',
      }),
    );
    const memberships = await membershipsOf(t.app, client);
    expect(memberships).toEqual([expect.objectContaining({ status: 'ACTIVE', planName: 'Committed' })]);
    expect(await creditsOf(t.app, client)).toBeGreaterThan(0);
    const billing = (await as(t.app, client).get('/api/me/billing')).json();
    expect(billing).toMatchObject({
      canManage: true,
      subscription: {
        planName: 'Committed',
        status: 'ACTIVE',
        method: 'bacs_debit',
        amountMinor: 10900,
        nextPaymentAt: expect.any(String),
      },
    });
  });

  it('renewed: invoice.paid records the month once', async () => {
    const renewal = stripeObjects.invoice({
      id: 'in_month2',
      subscription: SUB,
      amount: 10900,
      reason: 'subscription_cycle',
    });
    await deliverOk(t.app, 'invoice.paid', renewal);
    await deliverOk(t.app, 'invoice.paid', renewal); // a second event for the same invoice
    const renewals = (await as(t.app, client).get('/api/me/payments'))
      .json()
      .payments.filter((p: { kind: string }) => p.kind === 'RENEWAL');
    expect(renewals).toEqual([expect.objectContaining({ status: 'SUCCEEDED', amountMinor: 10900 })]);
  });

  it('payment failed: nothing while Stripe retries; paused with the client and admins told once it gives up; resumed when paid', async () => {
    const failing = (nextAttempt: number | null) =>
      stripeObjects.invoice({
        id: 'in_month3',
        subscription: SUB,
        amount: 10900,
        reason: 'subscription_cycle',
        nextAttempt,
      });
    await deliverOk(t.app, 'invoice.payment_failed', failing(1_900_000_000));
    expect((await membershipsOf(t.app, client))[0]!.status).toBe('ACTIVE');
    await deliverOk(t.app, 'invoice.payment_failed', failing(null));
    expect((await membershipsOf(t.app, client))[0]!.status).toBe('PAUSED');
    expect(await notificationKinds(client)).toContain('membership_paused');
    expect(await notificationKinds(admin)).toContain('payment_attention');
    const attention = (await as(t.app, admin).get('/api/admin/payments?filter=attention')).json().payments;
    expect(attention).toEqual([expect.objectContaining({ status: 'FAILED', userName: 'Sam Client' })]);
    expect((await as(t.app, client).get('/api/me/billing')).json().subscription.status).toBe('PAST_DUE');

    await deliverOk(t.app, 'invoice.paid', failing(null));
    expect((await membershipsOf(t.app, client))[0]!.status).toBe('ACTIVE');
    expect((await as(t.app, admin).get('/api/admin/payments?filter=attention')).json().payments).toEqual([]);
  });

  it('cancelled in the Customer Portal: the portal opens for their customer; the deleted subscription cancels the plan', async () => {
    const portal = await as(t.app, client).post('/api/me/billing/portal');
    expect(portal.statusCode, portal.body).toBe(200);
    expect(portal.json().url).toBe('https://billing.stripe.test/p/cus_test_1');
    await deliverOk(t.app, 'customer.subscription.deleted', { id: SUB, object: 'subscription', status: 'canceled' });
    expect(await membershipsOf(t.app, client)).toEqual([]); // held memberships only
    const all = (await as(t.app, admin).get(`/api/admin/users/${client.id}/memberships`)).json().memberships;
    expect(all[0]).toMatchObject({ status: 'CANCELLED' });
    expect((await as(t.app, client).get('/api/me/billing')).json().subscription).toBeNull();
  });
});
