import { z } from 'zod';
import {
  MANUAL_METHODS,
  PAYMENT_KINDS,
  PAYMENT_PROVIDERS,
  PAYMENT_STATUSES,
  SUBSCRIPTION_STATUSES,
} from '../domain/payments/payment-types';
import { localDate } from './cohorts';
import { timestamp, uuid } from './common';
import { calendarDate, oneOf, text, wholeNumber } from './fields';

/** Zod schemas of the payments API (ADR 0019). Amounts are minor units (pence). */

export const checkoutBody = z.object({ planId: uuid() });
export const checkoutStarted = z.object({
  paymentId: z.string(),
  url: z.string().describe("Send the browser here (the provider's checkout page)"),
});

export const paymentView = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  userId: z.string(),
  userName: z.string(),
  description: z.string(),
  kind: z.enum(PAYMENT_KINDS),
  provider: z.enum(PAYMENT_PROVIDERS),
  status: z.enum(PAYMENT_STATUSES),
  method: z.string().nullable(),
  amountMinor: z.number(),
  refundedMinor: z.number(),
  currency: z.string(),
  reference: z.string().nullable(),
  attention: z.string().nullable().describe('Why an admin should look at it'),
  membershipId: z.string().nullable(),
  recordedByName: z.string().nullable(),
  paidAt: timestamp.nullable(),
  createdAt: timestamp,
  refunds: z.array(
    z.object({ amountMinor: z.number(), reason: z.string(), creditsRevoked: z.number(), createdAt: timestamp }),
  ),
});
export const paymentList = z.object({ payments: z.array(paymentView) });

export const paymentListQuery = z.object({
  filter: z
    .enum(['all', 'attention'])
    .default('all')
    .describe('attention: failed renewals and paid plans that could not start'),
});

export const refundBody = z.object({
  amountMinor: wholeNumber('Amount', 1, 100_000_000).describe('Pence; the whole remaining amount = a full refund'),
  reason: text('Reason', 200),
});
export const refundResult = z.object({ refundedMinor: z.number(), creditsRevoked: z.number() });

export const manualPaymentBody = z.object({
  userId: z.string().min(1).max(100),
  planId: uuid(),
  startDate: calendarDate('Start date'),
  amountMinor: wholeNumber('Amount', 0, 100_000_000),
  method: oneOf('Method', MANUAL_METHODS),
  reference: text('Reference', 200, { required: false }).optional().describe('e.g. "Cash, front desk"'),
});

export const billingView = z.object({
  subscription: z
    .object({
      planName: z.string(),
      status: z.enum(SUBSCRIPTION_STATUSES),
      method: z.string().nullable().describe('card or bacs_debit'),
      nextPaymentAt: timestamp.nullable(),
      endsOn: localDate
        .nullable()
        .describe('Cancelled at the period end in the billing portal: the last day paid for; null = it renews'),
      amountMinor: z.number(),
      currency: z.string(),
    })
    .nullable(),
  canManage: z.boolean(),
});
export const portalSession = z.object({ url: z.string() });
export const webhookReceived = z.object({ received: z.boolean(), duplicate: z.boolean() });
