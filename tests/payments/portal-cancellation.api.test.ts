import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireCredits } from '../../src/services/credits/expire-credits';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';
import { signedEvent, startFakeStripe, stripeObjects, type FakeStripe } from '../support/fake-stripe';
import { checkout, createPlan, creditsOf, deliver, deliverOk, membershipsOf } from './support';

/*
 * A client cancels their monthly plan in Stripe's customer portal (ADR 0029): Stripe keeps it
 * until the period's end and says so in customer.subscription.updated. Roster shows it ending on
 * the last day paid for; undoing it renews again; the final customer.subscription.deleted ends it.
 */

let stripe: FakeStripe;
let t: TestApp;
let admin: TestUser;
let monthly: string;

/** 4 April 2026 09:00 UTC: a month after the start, when Stripe would end it. */
const PERIOD_END = new Date('2026-04-04T09:00:00Z');
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

beforeAll(async () => {
  stripe = await startFakeStripe();
  t = await createTestApp({ config: { stripe: stripe.config }, now: new Date('2026-03-04T09:00:00Z') });
  admin = await createUser(t.app, 'ADMIN', 'Alex Admin');
  monthly = await createPlan(t.app, admin, { name: 'Committed', type: 'RECURRING', creditsPerWeek: 3, price: 109 });
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});

/** A client on the monthly plan, paid by card through Stripe, on subscription `sub`. */
async function subscribedClient(name: string, sub: string, plan = monthly) {
  const client = await createUser(t.app, 'CLIENT', name);
  const { paymentId } = await checkout(t.app, client, plan);
  await deliverOk(
    t.app,
    'checkout.session.completed',
    stripeObjects.checkoutSession({ paymentId, mode: 'subscription', amount: 10900, subscription: sub }),
  );
  await deliverOk(
    t.app,
    'invoice.paid',
    stripeObjects.invoice({
      id: `in_${sub}`,
      subscription: sub,
      amount: 10900,
      reason: 'subscription_create',
      paymentId,
      periodEnd: PERIOD_END.getTime() / 1000,
    }),
  );
  return { client, paymentId };
}

const updated = (sub: string, paymentId: string, cancelAt: Date | null, created: number) =>
  signedEvent(
    'customer.subscription.updated',
    stripeObjects.subscription({ id: sub, paymentId, cancelAt }),
    undefined,
    created,
  );

const billingOf = async (client: TestUser) => (await as(t.app, client).get('/api/me/billing')).json().subscription;
const staffViewOf = async (client: TestUser) =>
  (await as(t.app, admin).get(`/api/admin/users/${client.id}/memberships`)).json().memberships[0];
const auditOf = async (membershipId: string) =>
  (
    (await as(t.app, admin).get(`/api/admin/audit-log?targetId=${membershipId}`)).json().entries as Array<{
      action: string;
      after: unknown;
    }>
  )
    .filter((e) => e.action === 'membership.ending' || e.action === 'membership.renewing')
    .map(({ action, after }) => ({ action, after }));

const commitmentNoticesOf = async (user: TestUser) =>
  ((await as(t.app, user).get('/api/me/notifications')).json().items as Array<{ title: string; body: string }>)
    .filter((n) => n.title.includes('within its commitment'))
    .map(({ title, body }) => ({ title, body }));

describe('a monthly plan cancelled in the customer portal', () => {
  it('cancel at period end: the membership ends on the last day paid for, no next payment, audited once', async () => {
    const { client, paymentId } = await subscribedClient('Casey Cancel', 'sub_portal_1');
    expect(await billingOf(client)).toMatchObject({ endsOn: null, nextPaymentAt: PERIOD_END.toISOString() });
    const cancel = updated('sub_portal_1', paymentId, PERIOD_END, seconds('2026-03-10T12:00:00Z'));
    expect((await deliver(t.app, cancel)).json()).toEqual({ received: true, duplicate: false });

    const [membership] = await membershipsOf(t.app, client);
    expect(membership).toMatchObject({ status: 'ACTIVE', endDate: '2026-04-04' });
    expect(await billingOf(client)).toMatchObject({ endsOn: '2026-04-04', nextPaymentAt: null });
    expect(await staffViewOf(client)).toMatchObject({ status: 'ACTIVE', endDate: '2026-04-04' });
    expect(await auditOf(membership!.id)).toEqual([
      { action: 'membership.ending', after: { userId: client.id, lastDay: '2026-04-04' } },
    ]);

    // Stripe delivers the same event again: nothing changes, nothing is audited twice.
    expect((await deliver(t.app, cancel)).json()).toEqual({ received: true, duplicate: true });
    expect(await auditOf(membership!.id)).toHaveLength(1);
  });

  it('cancelled within its minimum commitment: every admin is told once, with both dates', async () => {
    const sixMonths = await createPlan(t.app, admin, {
      name: 'Six-month commit',
      type: 'RECURRING',
      creditsPerWeek: 3,
      price: 99,
      commitmentMonths: 6,
    });
    const { paymentId } = await subscribedClient('Cora Commit', 'sub_portal_commit', sixMonths);
    const cancel = updated('sub_portal_commit', paymentId, PERIOD_END, seconds('2026-03-10T12:00:00Z'));
    await deliver(t.app, cancel);
    await deliver(t.app, updated('sub_portal_commit', paymentId, null, seconds('2026-03-10T13:00:00Z')));
    await deliver(t.app, updated('sub_portal_commit', paymentId, PERIOD_END, seconds('2026-03-10T14:00:00Z')));

    const told = await commitmentNoticesOf(admin);
    // Cancelled, undone, cancelled again for the same last day: one notice. Casey's plan has no commitment.
    expect(told).toEqual([
      {
        title: 'Cora Commit cancelled Six-month commit within its commitment',
        body:
          'Cancelled in the billing portal: it ends on Sat 4 Apr 2026 and Stripe will take no more payments, ' +
          'but the commitment runs until Fri 4 Sep 2026. Speak to them, or take the rest another way.',
      },
    ]);
    const secondAdmin = await createUser(t.app, 'ADMIN', 'Sam Second');
    expect(await commitmentNoticesOf(secondAdmin)).toEqual([]); // an admin made afterwards gets no old notice
  });

  it('undone in the portal: it renews again; a stale cancellation arriving late changes nothing', async () => {
    const { client, paymentId } = await subscribedClient('Uma Undo', 'sub_portal_2');
    const cancel = updated('sub_portal_2', paymentId, PERIOD_END, seconds('2026-03-10T12:00:00Z'));
    const undo = updated('sub_portal_2', paymentId, null, seconds('2026-03-11T12:00:00Z'));
    await deliver(t.app, cancel);
    expect((await membershipsOf(t.app, client))[0]).toMatchObject({ endDate: '2026-04-04' });
    expect((await deliver(t.app, undo)).statusCode).toBe(200);

    const [membership] = await membershipsOf(t.app, client);
    expect(membership).toMatchObject({ status: 'ACTIVE', endDate: null });
    expect(await billingOf(client)).toMatchObject({ endsOn: null, nextPaymentAt: PERIOD_END.toISOString() });
    expect((await auditOf(membership!.id)).map((e) => e.action).sort()).toEqual([
      'membership.ending',
      'membership.renewing',
    ]);

    // Stripe does not promise order: an older cancellation delivered now is stale.
    const olderCancel = updated('sub_portal_2', paymentId, PERIOD_END, seconds('2026-03-11T11:00:00Z'));
    expect((await deliver(t.app, olderCancel)).statusCode).toBe(200);
    expect((await membershipsOf(t.app, client))[0]).toMatchObject({ endDate: null });
    expect(await auditOf(membership!.id)).toHaveLength(2);
  });

  it('the final deletion ends it on its last day, and takes the credits granted for later weeks', async () => {
    const { client, paymentId } = await subscribedClient('Dana Done', 'sub_portal_3');
    const weeksBefore = await creditsOf(t.app, client);
    expect(weeksBefore).toBe(9); // this week and the two bookable ones
    // Cancelled to end on Tuesday 10 March (midnight that night): next week's credits were already given.
    await deliver(
      t.app,
      updated('sub_portal_3', paymentId, new Date('2026-03-11T00:00:00Z'), seconds('2026-03-05T12:00:00Z')),
    );
    expect((await membershipsOf(t.app, client))[0]).toMatchObject({ endDate: '2026-03-10' });

    // The nightly job ends it by its last day before Stripe's event comes.
    t.clock.set('2026-03-11T00:30:00Z');
    await expireCredits(t.database.db, t.clock.now());
    expect(await membershipsOf(t.app, client)).toEqual([]);
    await deliverOk(t.app, 'customer.subscription.deleted', {
      id: 'sub_portal_3',
      object: 'subscription',
      status: 'canceled',
    });
    expect(await staffViewOf(client)).toMatchObject({ status: 'EXPIRED', endDate: '2026-03-10' });
    expect(await creditsOf(t.app, client)).toBe(0);
    expect(await billingOf(client)).toBeNull();
    t.clock.set('2026-03-04T09:00:00Z');
  });

  it('deleted first, at the period end: cancelled with the last day paid for', async () => {
    const { client, paymentId } = await subscribedClient('Eli End', 'sub_portal_4');
    await deliver(t.app, updated('sub_portal_4', paymentId, PERIOD_END, seconds('2026-03-05T12:00:00Z')));
    t.clock.set(PERIOD_END);
    await deliverOk(t.app, 'customer.subscription.deleted', {
      id: 'sub_portal_4',
      object: 'subscription',
      status: 'canceled',
    });
    expect(await staffViewOf(client)).toMatchObject({ status: 'CANCELLED', endDate: '2026-04-04' });
    // A late update about it (Stripe's own "canceled") changes nothing.
    await deliver(t.app, updated('sub_portal_4', paymentId, null, seconds('2026-04-04T09:00:01Z')));
    expect(await staffViewOf(client)).toMatchObject({ status: 'CANCELLED', endDate: '2026-04-04' });
    t.clock.set('2026-03-04T09:00:00Z');
  });
});

describe('updates about subscriptions Roster does not know (yet)', () => {
  it("one that is not Roster's is recorded and ignored", async () => {
    const event = signedEvent(
      'customer.subscription.updated',
      stripeObjects.subscription({ id: 'sub_elsewhere', cancelAt: PERIOD_END }),
    );
    expect((await deliver(t.app, event)).json()).toEqual({ received: true, duplicate: false });
    expect((await deliver(t.app, event)).json()).toEqual({ received: true, duplicate: true });
  });

  it('one that comes before its checkout is refused (409) and applied when Stripe sends it again', async () => {
    const client = await createUser(t.app, 'CLIENT', 'Ezra Early');
    const { paymentId } = await checkout(t.app, client, monthly);
    const cancel = updated('sub_portal_early', paymentId, PERIOD_END, seconds('2026-03-04T10:00:00Z'));
    const early = await deliver(t.app, cancel);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('WEBHOOK_EVENT_EARLY');
    await deliverOk(
      t.app,
      'checkout.session.completed',
      stripeObjects.checkoutSession({
        paymentId,
        mode: 'subscription',
        amount: 10900,
        subscription: 'sub_portal_early',
      }),
    );
    expect((await deliver(t.app, cancel)).json()).toEqual({ received: true, duplicate: false });
    expect((await membershipsOf(t.app, client))[0]).toMatchObject({ status: 'ACTIVE', endDate: '2026-04-04' });
  });

  it('a signed update Roster cannot read is a 400 that writes nothing', async () => {
    const bad = signedEvent('customer.subscription.updated', {
      ...stripeObjects.subscription({ id: 'sub_bad', cancelAt: PERIOD_END }),
      cancel_at: 'next month',
    });
    const response = await deliver(t.app, bad);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('WEBHOOK_PAYLOAD_INVALID');
  });
});
