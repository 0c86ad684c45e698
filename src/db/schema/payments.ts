import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { memberships, membershipPlans } from './credits';
import { paymentKind, paymentProvider, paymentStatus, subscriptionStatus } from './enums';

/*
 * Payments (ADR 0019). A row per amount of money: a checkout started, an invoice of a
 * subscription, a payment an admin recorded. Provider ids are unique so an event can only ever
 * land on one row; `refundedMinor` is the sum of `payment_refunds`, kept in the refund's transaction.
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Printed on receipts as R-000042. */
    receiptNo: bigint({ mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    userId: text()
      .notNull()
      .references(() => users.id),
    planId: uuid().references(() => membershipPlans.id),
    membershipId: uuid().references(() => memberships.id),
    kind: paymentKind().notNull(),
    provider: paymentProvider().notNull(),
    status: paymentStatus().notNull(),
    /** card, bacs_debit, cash, bank_transfer — as the provider or the admin said. */
    method: text(),
    amountMinor: integer().notNull(),
    refundedMinor: integer().notNull().default(0),
    currency: text().notNull(),
    description: text().notNull(),
    providerCheckoutId: text(),
    providerPaymentId: text(),
    providerInvoiceId: text(),
    providerSubscriptionId: text(),
    providerCustomerId: text(),
    /** What the admin typed for a manual payment ("Cash, front desk"). */
    reference: text(),
    /** Why a paid payment needs a person (e.g. it could not start the membership). */
    attention: text(),
    recordedBy: text().references(() => users.id, { onDelete: 'set null' }),
    paidAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    check('payments_amount_ck', sql`${t.amountMinor} >= 0`),
    check('payments_refunded_ck', sql`${t.refundedMinor} BETWEEN 0 AND ${t.amountMinor}`),
    uniqueIndex('payments_checkout_uq').on(t.providerCheckoutId),
    uniqueIndex('payments_invoice_uq').on(t.providerInvoiceId),
    uniqueIndex('payments_receipt_uq').on(t.receiptNo),
    index('payments_user_idx').on(t.userId, t.createdAt),
    index('payments_created_idx').on(t.createdAt),
    index('payments_subscription_idx').on(t.providerSubscriptionId),
  ],
);

/** Each refund of a payment; (payment, seq) is unique and is also the provider's idempotency key. */
export const paymentRefunds = pgTable(
  'payment_refunds',
  {
    id: uuid().primaryKey().defaultRandom(),
    paymentId: uuid()
      .notNull()
      .references(() => payments.id),
    seq: integer().notNull(),
    amountMinor: integer().notNull(),
    reason: text().notNull(),
    providerRefundId: text(),
    creditsRevoked: integer().notNull(),
    actorId: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    check('payment_refunds_amount_ck', sql`${t.amountMinor} > 0`),
    uniqueIndex('payment_refunds_seq_uq').on(t.paymentId, t.seq),
  ],
);

/** A recurring plan billed by the provider, linked to the membership it pays for. */
export const paymentSubscriptions = pgTable(
  'payment_subscriptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id),
    membershipId: uuid()
      .notNull()
      .references(() => memberships.id),
    provider: paymentProvider().notNull(),
    providerSubscriptionId: text().notNull(),
    providerCustomerId: text(),
    status: subscriptionStatus().notNull(),
    method: text(),
    currentPeriodEnd: timestamp({ withTimezone: true }),
    /**
     * Cancelled at the period's end in the provider's portal: the last studio-local day it is
     * paid for (the membership ends that day). Null = it renews. ADR 0029.
     */
    endsOn: date({ mode: 'string' }),
    /** When the provider sent the subscription update last applied: an older one arriving later is stale. */
    updatedByProviderAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('payment_subscriptions_provider_uq').on(t.provider, t.providerSubscriptionId),
    index('payment_subscriptions_user_idx').on(t.userId),
  ],
);

/**
 * Every webhook event processed, by the provider's event id. Inserted first in the transaction
 * that applies the event: a second delivery (even a concurrent one, which waits on this key)
 * finds it and changes nothing; a failed transaction leaves no row, so the provider's retry runs it.
 */
export const processedWebhookEvents = pgTable(
  'processed_webhook_events',
  {
    provider: paymentProvider().notNull(),
    eventId: text().notNull(),
    type: text().notNull(),
    processedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);
