import { z } from 'zod';

/*
 * The parts of Stripe's events Roster reads, checked before anything is written: a correctly
 * signed body that is not a Stripe event (or lacks a field, has a wrong type, an absurd size)
 * is WEBHOOK_PAYLOAD_INVALID (400), never a 500 half-way through (ADR 0023). Unknown fields pass
 * (Stripe adds fields without a new API version); a field Roster reads must have its type.
 */

const stripeId = z.string().min(1).max(255);
/** An id, or the object when the event was sent expanded. */
const reference = z.union([stripeId, z.object({ id: stripeId })]).nullish();
const currency = z.string().regex(/^[A-Za-z]{3}$/);
/** Minor units as our integer columns hold them. */
const minorUnits = z.number().int().min(0).max(2_147_483_647);
/** Unix seconds before the year 10000 (a Date beyond that is invalid). */
const unixSeconds = z.number().int().min(0).max(253_402_300_799);
const metadata = z.record(z.string().max(40), z.string().max(500)).nullish();

export const stripeEnvelope = z.object({
  id: stripeId,
  type: z.string().min(1).max(255),
  /** When Stripe made the change (absent only in hand-made bodies). */
  created: unixSeconds.optional(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

export const checkoutSessionShape = z.object({
  id: stripeId,
  client_reference_id: z.string().max(255).nullish(),
  payment_status: z.enum(['paid', 'unpaid', 'no_payment_required']),
  amount_total: minorUnits.nullish(),
  currency: currency.nullish(),
  customer: reference,
  payment_intent: reference,
  subscription: reference,
  payment_method_types: z.array(z.string().max(64)).max(100).default([]),
});
export type CheckoutSessionShape = z.infer<typeof checkoutSessionShape>;

export const invoiceShape = z.object({
  id: stripeId.nullish(),
  billing_reason: z.string().max(64).nullish(),
  amount_paid: minorUnits,
  amount_due: minorUnits,
  currency,
  next_payment_attempt: unixSeconds.nullish(),
  parent: z.object({ subscription_details: z.object({ subscription: reference, metadata }).nullish() }).nullish(),
  lines: z.object({ data: z.array(z.object({ period: z.object({ end: unixSeconds }).nullish() })) }).nullish(),
  payments: z
    .object({ data: z.array(z.object({ payment: z.object({ payment_intent: reference }).nullish() })) })
    .nullish(),
});
export type InvoiceShape = z.infer<typeof invoiceShape>;

export const subscriptionShape = z.object({ id: stripeId, metadata });

/**
 * customer.subscription.updated: whether and when it will end. Cancelling at the period's end
 * (the portal's default) sets cancel_at_period_end and cancel_at; undoing it clears both. The
 * period's end is on the subscription's items since API version 2025-03-31, on the subscription before.
 */
export const updatedSubscriptionShape = subscriptionShape.extend({
  status: z.string().min(1).max(64),
  cancel_at_period_end: z.boolean().nullish(),
  cancel_at: unixSeconds.nullish(),
  current_period_end: unixSeconds.nullish(),
  items: z.object({ data: z.array(z.object({ current_period_end: unixSeconds.nullish() })).max(100) }).nullish(),
});
export type UpdatedSubscriptionShape = z.infer<typeof updatedSubscriptionShape>;
