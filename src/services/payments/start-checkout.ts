import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { memberships, membershipPlans, payments, users } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { decideCheckout } from '../../domain/payments/decide-checkout';
import { DomainError } from '../../domain/shared/domain-error';
import { loadSettings } from '../settings/settings-service';
import type { PaymentProvider } from './provider';

/**
 * A client starts paying for a plan. An OPEN payment row is written first; its id goes to the
 * provider with the checkout (and back in the webhook) and is the checkout's idempotency key, so
 * a retried call gets the same Checkout. Nothing is granted here: only the signed webhook does.
 */
export async function startCheckout(
  db: Database,
  provider: PaymentProvider,
  actor: Actor,
  planId: string,
  baseUrl: string,
  now: Date,
): Promise<{ paymentId: string; url: string }> {
  if (!provider.online) {
    throw new DomainError(
      'ONLINE_PAYMENTS_OFF',
      'This studio takes payments in person: ask the studio to add your plan.',
    );
  }
  const prepared = await inTransaction(db, async (tx) => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, actor.id));
    const [plan] = await tx.select().from(membershipPlans).where(eq(membershipPlans.id, planId));
    const held = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, actor.id),
          inArray(memberships.status, ['ACTIVE', 'PAUSED']),
          inArray(memberships.planType, ['RECURRING', 'PREPAID']),
        ),
      );
    const decision = decideCheckout({
      plan: plan ?? null,
      holdsTermPlan: held.length > 0,
      studioCurrency: (await loadSettings(tx))['studio.currency'],
    });
    if (decision instanceof DomainError) throw decision;
    const [customer] = await tx
      .select({ id: payments.providerCustomerId })
      .from(payments)
      .where(
        and(
          eq(payments.userId, actor.id),
          eq(payments.provider, provider.name),
          isNotNull(payments.providerCustomerId),
        ),
      )
      .orderBy(desc(payments.createdAt))
      .limit(1);
    const [row] = await tx
      .insert(payments)
      .values({
        userId: actor.id,
        planId: plan!.id,
        kind: decision.kind,
        provider: provider.name,
        status: 'OPEN',
        amountMinor: decision.amountMinor,
        currency: decision.currency,
        description: plan!.type === 'RECURRING' ? `${plan!.name} (monthly)` : plan!.name,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return { payment: row!, decision, email: user!.email, customerId: customer?.id ?? null };
  });
  const { payment, decision } = prepared;
  const checkout = await provider.createCheckout({
    paymentId: payment.id,
    mode: decision.mode,
    description: payment.description,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    customerEmail: prepared.email,
    customerId: prepared.customerId,
    successUrl: `${baseUrl}/payments/${payment.id}`,
    cancelUrl: `${baseUrl}/plans`,
    idempotencyKey: `checkout:${payment.id}`,
  });
  await db
    .update(payments)
    .set({ providerCheckoutId: checkout.checkoutId, updatedAt: now })
    .where(and(eq(payments.id, payment.id), eq(payments.status, 'OPEN')));
  return { paymentId: payment.id, url: checkout.url };
}
