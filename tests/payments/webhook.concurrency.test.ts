import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditGrants, memberships } from '../../src/db/schema';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';
import { createTestDatabase, onPostgres } from '../support/test-database';
import { signedEvent, startFakeStripe, stripeObjects, type FakeStripe } from '../support/fake-stripe';
import { checkout, createPlan, creditsOf, deliver } from './support';

// Stripe delivers an event again when it sees no answer in time: three deliveries at the same
// moment, on separate connections, must still start one membership with one grant of credits.
describe.runIf(onPostgres())('webhook deliveries racing (PostgreSQL)', () => {
  let stripe: FakeStripe;
  let t: TestApp;
  let admin: TestUser;
  let pack: string;

  beforeAll(async () => {
    stripe = await startFakeStripe();
    const database = await createTestDatabase({ poolSize: 8 });
    t = await createTestApp({ config: { stripe: stripe.config }, database });
    admin = await createUser(t.app, 'ADMIN');
    pack = await createPlan(t.app, admin, { name: '10 class pack', type: 'PACK', totalCredits: 10, price: 90 });
  });
  afterAll(async () => {
    await t?.close();
    await t?.database.close();
    await stripe?.close();
  });

  const grantsOf = async (userId: string) =>
    t.database.db.select().from(creditGrants).where(eq(creditGrants.userId, userId));
  const membershipsOf = async (userId: string) =>
    t.database.db.select().from(memberships).where(eq(memberships.userId, userId));

  it('the same event delivered 3 times at once: processed once, credits granted once', async () => {
    for (let round = 0; round < 5; round++) {
      const client = await createUser(t.app, 'CLIENT');
      const { paymentId } = await checkout(t.app, client, pack);
      const event = signedEvent(
        'checkout.session.completed',
        stripeObjects.checkoutSession({ paymentId, amount: 9000 }),
      );
      const answers = await Promise.all([1, 2, 3].map(() => deliver(t.app, event)));
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
      expect(answers.filter((a) => a.json().duplicate === false)).toHaveLength(1);
      expect(await membershipsOf(client.id)).toHaveLength(1);
      expect((await grantsOf(client.id)).map((g) => g.amount)).toEqual([10]);
      expect(await creditsOf(t.app, client)).toBe(10);
    }
  });

  it('different events about one payment at once (completed, async success): still once', async () => {
    const client = await createUser(t.app, 'CLIENT');
    const { paymentId } = await checkout(t.app, client, pack);
    const session = stripeObjects.checkoutSession({ paymentId, amount: 9000 });
    const events = [
      signedEvent('checkout.session.completed', session),
      signedEvent('checkout.session.async_payment_succeeded', session),
      signedEvent('checkout.session.completed', session),
    ];
    const answers = await Promise.all(events.map((e) => deliver(t.app, e)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(await membershipsOf(client.id)).toHaveLength(1);
    expect(await creditsOf(t.app, client)).toBe(10);
  });

  // ADR 0023: a pending Direct Debit (first week only) and its failure, each delivered twice at once
  // alongside the first invoice's failure; and a renewal racing the checkout that creates it.
  it('pending Direct Debit: started once with one week; failure claws back once', async () => {
    const monthly = await createPlan(t.app, admin, {
      name: 'Monthly',
      type: 'RECURRING',
      creditsPerWeek: 3,
      price: 109,
    });
    await as(t.app, admin).put('/api/admin/settings/payments.grantWhilePending', { value: true });
    const client = await createUser(t.app, 'CLIENT');
    const { paymentId } = await checkout(t.app, client, monthly);
    const session = stripeObjects.checkoutSession({
      paymentId,
      paid: false,
      mode: 'subscription',
      amount: 10900,
      subscription: 'sub_race_dd',
      method: 'bacs_debit',
    });
    const pending = signedEvent('checkout.session.completed', session);
    const started = await Promise.all([1, 2, 3].map(() => deliver(t.app, pending)));
    expect(started.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(await membershipsOf(client.id)).toHaveLength(1);
    expect((await grantsOf(client.id)).map((g) => g.amount)).toEqual([3]);

    const failures = [
      signedEvent('checkout.session.async_payment_failed', session),
      signedEvent('checkout.session.async_payment_failed', session),
      signedEvent(
        'invoice.payment_failed',
        stripeObjects.invoice({
          id: 'in_race_dd',
          subscription: 'sub_race_dd',
          amount: 10900,
          reason: 'subscription_create',
          paymentId,
        }),
      ),
    ];
    const failed = await Promise.all(failures.map((e) => deliver(t.app, e)));
    expect(failed.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect((await membershipsOf(client.id)).map((m) => m.status)).toEqual(['CANCELLED']);
    expect((await grantsOf(client.id)).map((g) => g.remaining)).toEqual([0]);
    const ledger = (await as(t.app, client).get('/api/me/credit-transactions')).json().entries as Array<{
      reasonCode: string;
    }>;
    expect(ledger.filter((e) => e.reasonCode === 'PAYMENT_FAILED')).toHaveLength(1);
  });

  it('a renewal racing the checkout that creates its subscription: applied once, after a retry if it was early', async () => {
    const monthly = await createPlan(t.app, admin, {
      name: 'Monthly 2',
      type: 'RECURRING',
      creditsPerWeek: 2,
      price: 50,
    });
    for (let round = 0; round < 3; round++) {
      const client = await createUser(t.app, 'CLIENT');
      const { paymentId } = await checkout(t.app, client, monthly);
      const sub = `sub_race_${round}`;
      const renewal = signedEvent(
        'invoice.paid',
        stripeObjects.invoice({
          id: `in_race_${round}`,
          subscription: sub,
          amount: 5000,
          reason: 'subscription_cycle',
          paymentId,
        }),
      );
      const created = signedEvent(
        'checkout.session.completed',
        stripeObjects.checkoutSession({ paymentId, mode: 'subscription', amount: 5000, subscription: sub }),
      );
      const answers = await Promise.all([deliver(t.app, renewal), deliver(t.app, created)]);
      expect([200, 409]).toContain(answers[0]!.statusCode);
      expect(answers[1]!.statusCode).toBe(200);
      if (answers[0]!.statusCode === 409) expect((await deliver(t.app, renewal)).statusCode).toBe(200);
      expect((await deliver(t.app, renewal)).json().duplicate).toBe(true);
      const renewals = (await as(t.app, client).get('/api/me/payments'))
        .json()
        .payments.filter((p: { kind: string }) => p.kind === 'RENEWAL');
      expect(renewals).toHaveLength(1);
      expect(await membershipsOf(client.id)).toHaveLength(1);
    }
  });
});
