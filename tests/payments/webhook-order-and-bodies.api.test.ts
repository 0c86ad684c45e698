import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/rows';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';
import { signedEvent, signedPayload, startFakeStripe, stripeObjects, type FakeStripe } from '../support/fake-stripe';
import { checkout, createPlan, creditsOf, deliver, deliverOk, membershipsOf } from './support';

/*
 * Two ways a webhook used to go wrong (ADR 0023): an event about one of our subscriptions that
 * arrives before the checkout that creates it is refused (409, not recorded) so Stripe delivers
 * it again, instead of being recorded and lost; and a correctly signed body that is not a
 * Stripe event Roster can read is a 400 with the JSON error shape that writes nothing.
 */

let stripe: FakeStripe;
let t: TestApp;
let admin: TestUser;
let monthly: string;
let pack: string;

const countRows = async (table: string) =>
  Number(rowsOf<{ n: string }>(await t.database.db.execute(sql.raw(`SELECT count(*) AS n FROM ${table}`)))[0]!.n);

beforeAll(async () => {
  stripe = await startFakeStripe();
  t = await createTestApp({ config: { stripe: stripe.config }, now: new Date('2026-03-04T09:00:00Z') });
  admin = await createUser(t.app, 'ADMIN');
  monthly = await createPlan(t.app, admin, { name: 'Committed', type: 'RECURRING', creditsPerWeek: 3, price: 109 });
  pack = await createPlan(t.app, admin, { name: '10 class pack', type: 'PACK', totalCredits: 10, price: 90 });
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});

const renewalsOf = async (client: TestUser) =>
  ((await as(t.app, client).get('/api/me/payments')).json().payments as Array<{ kind: string; status: string }>).filter(
    (p) => p.kind === 'RENEWAL',
  );

describe('events that arrive before the subscription is known', () => {
  it('renewal first, then the creation event, then the renewal again: right in the end, credits once', async () => {
    const client = await createUser(t.app, 'CLIENT');
    const { paymentId } = await checkout(t.app, client, monthly);
    const SUB = 'sub_early_1';
    const renewal = signedEvent(
      'invoice.paid',
      stripeObjects.invoice({
        id: 'in_early_2',
        subscription: SUB,
        amount: 10900,
        reason: 'subscription_cycle',
        paymentId,
      }),
    );
    const processed = await countRows('processed_webhook_events');
    const early = await deliver(t.app, renewal);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toEqual({ error: { code: 'WEBHOOK_EVENT_EARLY', message: expect.any(String) } });
    expect(await countRows('processed_webhook_events')).toBe(processed);
    expect(await renewalsOf(client)).toEqual([]);

    await deliverOk(
      t.app,
      'checkout.session.completed',
      stripeObjects.checkoutSession({ paymentId, mode: 'subscription', amount: 10900, subscription: SUB }),
    );
    expect(await creditsOf(t.app, client)).toBe(9);

    // Stripe's retry of the very same event (same id) now applies it, once.
    expect((await deliver(t.app, renewal)).json()).toEqual({ received: true, duplicate: false });
    expect((await deliver(t.app, renewal)).json()).toEqual({ received: true, duplicate: true });
    expect(await renewalsOf(client)).toEqual([expect.objectContaining({ status: 'SUCCEEDED' })]);
    expect(await membershipsOf(t.app, client)).toEqual([expect.objectContaining({ status: 'ACTIVE' })]);
    expect(await creditsOf(t.app, client)).toBe(9);
  });

  it('a cancellation before the checkout is kept the same way and cancels the plan once it exists', async () => {
    const client = await createUser(t.app, 'CLIENT');
    const { paymentId } = await checkout(t.app, client, monthly);
    const deleted = signedEvent('customer.subscription.deleted', {
      id: 'sub_early_2',
      object: 'subscription',
      status: 'canceled',
      metadata: { paymentId },
    });
    expect((await deliver(t.app, deleted)).statusCode).toBe(409);
    await deliverOk(
      t.app,
      'checkout.session.completed',
      stripeObjects.checkoutSession({ paymentId, mode: 'subscription', amount: 10900, subscription: 'sub_early_2' }),
    );
    expect((await deliver(t.app, deleted)).statusCode).toBe(200);
    expect(await membershipsOf(t.app, client)).toEqual([]);
  });

  it("events about subscriptions that are not Roster's, or whose checkout failed, are recorded and ignored", async () => {
    const client = await createUser(t.app, 'CLIENT');
    const { paymentId } = await checkout(t.app, client, monthly);
    await deliverOk(t.app, 'checkout.session.expired', { ...stripeObjects.checkoutSession({ paymentId, amount: 0 }) });
    const invoice = (over: { paymentId?: string }) =>
      stripeObjects.invoice({
        id: `in_other_${over.paymentId ?? 'x'}`,
        subscription: 'sub_other',
        amount: 500,
        reason: 'subscription_cycle',
        ...over,
      });
    expect(await deliverOk(t.app, 'invoice.paid', invoice({}))).toEqual({ received: true, duplicate: false });
    expect(await deliverOk(t.app, 'invoice.paid', invoice({ paymentId }))).toEqual({
      received: true,
      duplicate: false,
    });
    expect(await renewalsOf(client)).toEqual([]);
  });
});

describe('correctly signed bodies that are not Stripe events', () => {
  const huge = 'x'.repeat(200_000);
  const session = (paymentId: string) => stripeObjects.checkoutSession({ paymentId, amount: 9000 });
  const event = (type: string, object: unknown, over: Record<string, unknown> = {}) =>
    JSON.stringify({ id: 'evt_bad', object: 'event', type, data: { object }, ...over });

  it('are 400 WEBHOOK_PAYLOAD_INVALID, write nothing and change nothing', async () => {
    const client = await createUser(t.app, 'CLIENT');
    const { paymentId } = await checkout(t.app, client, pack);
    const good = session(paymentId);
    const bodies = [
      'not json at all',
      '',
      'null',
      '[1,2,3]',
      '"evt"',
      '{}',
      JSON.stringify({ id: 'evt_x', type: 'checkout.session.completed' }),
      JSON.stringify({ object: 'v2.core.event', id: 'evt_thin', type: 'v1.billing.meter.error_report_triggered' }),
      event('checkout.session.completed', good, { id: 42 }),
      event('checkout.session.completed', good, { id: huge }),
      event('checkout.session.completed', good, { type: huge }),
      event('checkout.session.completed', 'a string'),
      event('checkout.session.completed', { ...good, payment_status: undefined }),
      event('checkout.session.completed', { ...good, payment_status: 'maybe' }),
      event('checkout.session.completed', { ...good, amount_total: '9000' }),
      event('checkout.session.completed', { ...good, amount_total: -1 }),
      event('checkout.session.completed', { ...good, currency: 'pounds' }),
      event('checkout.session.completed', { ...good, client_reference_id: huge }),
      event('checkout.session.completed', { ...good, payment_method_types: 'card' }),
      event('checkout.session.completed', { ...good, customer: { name: 'no id' } }),
      event('invoice.paid', {
        ...stripeObjects.invoice({ id: 'in_x', subscription: 's', amount: 1, reason: 'subscription_cycle' }),
        amount_paid: 1e12,
      }),
      event('invoice.paid', {
        ...stripeObjects.invoice({ id: 'in_x', subscription: 's', amount: 1, reason: 'subscription_cycle' }),
        currency: null,
      }),
      event('invoice.paid', {
        ...stripeObjects.invoice({ id: 'in_x', subscription: 's', amount: 1, reason: 'subscription_cycle' }),
        lines: { data: [{ period: { end: 1e20 } }] },
      }),
      event('customer.subscription.deleted', { object: 'subscription' }),
    ];
    const processed = await countRows('processed_webhook_events');
    for (const body of bodies) {
      const r = await deliver(t.app, signedPayload(body));
      expect(r.statusCode, body.slice(0, 120)).toBe(400);
      expect(r.json()).toEqual({ error: { code: 'WEBHOOK_PAYLOAD_INVALID', message: expect.any(String) } });
    }
    expect(await countRows('processed_webhook_events')).toBe(processed);
    expect((await as(t.app, client).get(`/api/me/payments/${paymentId}`)).json().status).toBe('OPEN');
    expect(await creditsOf(t.app, client)).toBe(0);

    // The same payment's genuine event still works, and an event type Roster does not use is fine.
    await deliverOk(t.app, 'checkout.session.completed', good);
    expect(await creditsOf(t.app, client)).toBe(10);
    expect(await deliverOk(t.app, 'customer.created', { id: 'cus_new', object: 'customer' })).toEqual({
      received: true,
      duplicate: false,
    });
  });
});
