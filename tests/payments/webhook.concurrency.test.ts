import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditGrants, memberships } from '../../src/db/schema';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';
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
});
