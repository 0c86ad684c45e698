import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { membershipPlans, memberships, payments, paymentSubscriptions } from '../../db/schema';
import type { SubscriptionStatus } from '../../domain/payments/payment-types';
import { DomainError } from '../../domain/shared/domain-error';
import type { PaymentProvider } from './provider';

export interface BillingView {
  subscription: {
    planName: string;
    status: SubscriptionStatus;
    method: string | null;
    nextPaymentAt: Date | null;
    /** Cancelled at the period's end: the last day paid for (ADR 0029); null = it renews. */
    endsOn: string | null;
    amountMinor: number;
    currency: string;
  } | null;
  /** The client has a provider customer: "Manage billing" opens its portal. */
  canManage: boolean;
}

async function customerOf(db: Database, provider: PaymentProvider, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: payments.providerCustomerId })
    .from(payments)
    .where(
      and(eq(payments.userId, userId), eq(payments.provider, provider.name), isNotNull(payments.providerCustomerId)),
    )
    .orderBy(desc(payments.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/** My membership's billing: the live subscription (next payment, card or Direct Debit) if any. */
export async function myBilling(db: Database, provider: PaymentProvider, userId: string): Promise<BillingView> {
  const [row] = await db
    .select({
      s: paymentSubscriptions,
      planName: membershipPlans.name,
      price: membershipPlans.priceMinor,
      currency: membershipPlans.currency,
    })
    .from(paymentSubscriptions)
    .innerJoin(memberships, eq(memberships.id, paymentSubscriptions.membershipId))
    .innerJoin(membershipPlans, eq(membershipPlans.id, memberships.planId))
    .where(and(eq(paymentSubscriptions.userId, userId), inArray(paymentSubscriptions.status, ['ACTIVE', 'PAST_DUE'])))
    .orderBy(desc(paymentSubscriptions.createdAt))
    .limit(1);
  return {
    subscription: row
      ? {
          planName: row.planName,
          status: row.s.status,
          method: row.s.method,
          // A subscription that ends takes no next payment.
          nextPaymentAt: row.s.endsOn ? null : row.s.currentPeriodEnd,
          endsOn: row.s.endsOn,
          amountMinor: row.price,
          currency: row.currency,
        }
      : null,
    canManage: provider.online && (await customerOf(db, provider, userId)) !== null,
  };
}

/** The provider's customer portal (change card, cancel), coming back to My membership. */
export async function openBillingPortal(
  db: Database,
  provider: PaymentProvider,
  userId: string,
  baseUrl: string,
): Promise<{ url: string }> {
  const customerId = provider.online ? await customerOf(db, provider, userId) : null;
  if (!customerId) throw new DomainError('BILLING_NOT_SET_UP', 'You have no online payments to manage yet.');
  return provider.openCustomerPortal({ customerId, returnUrl: `${baseUrl}/membership` });
}
