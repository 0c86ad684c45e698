import type { PaymentProviderName } from '../../domain/payments/payment-types';
import type { VerifiedEvent } from '../../domain/payments/payment-events';

/**
 * A payment provider as Roster uses it (ADR 0019). Every call that moves money carries an
 * idempotency key, so a retried request never charges or refunds twice. Confirmation is always
 * asynchronous: a checkout only returns where to send the client; what was paid arrives later as
 * verified events (`parseWebhook`), which is also how a Direct Debit provider (GoCardless: a
 * mandate now, the money days later) fits the same shape.
 */
export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /** Takes payments online (a client can start a checkout). The manual provider does not. */
  readonly online: boolean;
  createCheckout(input: CheckoutRequest): Promise<{ checkoutId: string; url: string }>;
  openCustomerPortal(input: { customerId: string; returnUrl: string }): Promise<{ url: string }>;
  refund(input: {
    paymentRef: string | null;
    amountMinor: number;
    idempotencyKey: string;
  }): Promise<{ refundId: string | null }>;
  cancelSubscription(input: { subscriptionId: string; idempotencyKey: string }): Promise<void>;
  /** Verifies the signature and maps the event; throws WEBHOOK_SIGNATURE_INVALID otherwise. */
  parseWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): VerifiedEvent;
}

export interface CheckoutRequest {
  /** Roster's payment id: travels with the checkout and comes back in its events. */
  paymentId: string;
  mode: 'payment' | 'subscription';
  description: string;
  amountMinor: number;
  currency: string;
  customerEmail: string;
  /** Reuse the client's provider customer (one portal for all their billing). */
  customerId: string | null;
  successUrl: string;
  cancelUrl: string;
  idempotencyKey: string;
}
