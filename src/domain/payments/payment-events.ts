/**
 * What a provider's webhook means to Roster, whatever the provider. Each provider's adapter
 * verifies the signature and maps its own event to at most one of these; everything else is
 * IGNORED (still recorded as processed, so it is never looked at twice).
 * `paymentId` is Roster's own payment id, which the checkout carried out and the event brought back.
 */
export type PaymentEvent =
  | { type: 'CHECKOUT_PAID'; paymentId: string; checkout: ProviderRefs; method: string | null }
  | { type: 'CHECKOUT_PENDING'; paymentId: string; checkout: ProviderRefs; method: string | null }
  | { type: 'CHECKOUT_FAILED'; paymentId: string }
  | {
      type: 'INVOICE_PAID';
      subscriptionId: string;
      invoiceId: string;
      paymentIntentId: string | null;
      amountMinor: number;
      currency: string;
      /** Roster's payment id when this is the subscription's first invoice. */
      firstPaymentId: string | null;
      /** Roster's payment that started the subscription (its metadata), on every invoice. */
      startPaymentId: string | null;
      periodEnd: Date | null;
    }
  | {
      type: 'INVOICE_FAILED';
      subscriptionId: string;
      invoiceId: string;
      amountMinor: number;
      currency: string;
      /** The provider has stopped retrying: the plan is unpaid now. */
      final: boolean;
      /** Roster's payment id when this is the subscription's first invoice. */
      firstPaymentId: string | null;
      startPaymentId: string | null;
    }
  | { type: 'SUBSCRIPTION_ENDED'; subscriptionId: string; startPaymentId: string | null }
  | {
      /** The subscription changed (e.g. cancelled or un-cancelled in the customer portal). */
      type: 'SUBSCRIPTION_UPDATED';
      subscriptionId: string;
      startPaymentId: string | null;
      /** It will end at this moment (cancelled at the period's end); null = it renews. */
      endsAt: Date | null;
      /** When the provider made the change: updates may arrive out of order. */
      occurredAt: Date;
    }
  | { type: 'IGNORED' };

export interface ProviderRefs {
  checkoutId: string;
  paymentIntentId: string | null;
  subscriptionId: string | null;
  customerId: string | null;
  amountMinor: number;
  currency: string;
}

export interface VerifiedEvent {
  /** The provider's event id: the key that makes processing exactly-once. */
  id: string;
  providerType: string;
  event: PaymentEvent;
}
