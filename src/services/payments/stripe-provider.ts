import Stripe from 'stripe';
import type { StripeConfig } from '../../config';
import { DomainError } from '../../domain/shared/domain-error';
import type { PaymentProvider } from './provider';
import { readStripeEvent } from './stripe-events';

/** A Stripe API failure in words for the admin or client, without Stripe's internals. */
function providerError(error: unknown): DomainError {
  const message = error instanceof Stripe.errors.StripeError ? error.message : 'no answer';
  return new DomainError('PAYMENT_PROVIDER_ERROR', `Stripe could not do that just now (${message}). Please try again.`);
}

async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw providerError(error);
  }
}

/** Stripe through its official client; `config.api` points it at a test server. */
export function createStripeProvider(config: StripeConfig): PaymentProvider {
  const stripe = new Stripe(config.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(config.api ?? {}),
  });
  return {
    name: 'STRIPE',
    online: true,
    createCheckout: (input) =>
      call(async () => {
        const subscription = input.mode === 'subscription';
        const session = await stripe.checkout.sessions.create(
          {
            mode: input.mode,
            client_reference_id: input.paymentId,
            metadata: { paymentId: input.paymentId },
            ...(input.customerId
              ? { customer: input.customerId }
              : { customer_email: input.customerEmail, ...(subscription ? {} : { customer_creation: 'always' }) }),
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: input.currency.toLowerCase(),
                  unit_amount: input.amountMinor,
                  product_data: { name: input.description },
                  ...(subscription ? { recurring: { interval: 'month' } } : {}),
                },
              },
            ],
            // Monthly plans: card or Bacs Direct Debit (UK). One-off purchases: whatever the account offers.
            ...(subscription
              ? {
                  allowed_payment_method_types: ['card', 'bacs_debit'],
                  subscription_data: { metadata: { paymentId: input.paymentId } },
                }
              : { payment_intent_data: { metadata: { paymentId: input.paymentId } } }),
            success_url: input.successUrl,
            cancel_url: input.cancelUrl,
          },
          { idempotencyKey: input.idempotencyKey },
        );
        if (!session.url) throw new Error('Stripe returned a checkout without a URL');
        return { checkoutId: session.id, url: session.url };
      }),
    openCustomerPortal: (input) =>
      call(async () => {
        const portal = await stripe.billingPortal.sessions.create({
          customer: input.customerId,
          return_url: input.returnUrl,
        });
        return { url: portal.url };
      }),
    refund: (input) =>
      call(async () => {
        if (!input.paymentRef) throw new Error('this payment has no Stripe payment to refund');
        const refund = await stripe.refunds.create(
          { payment_intent: input.paymentRef, amount: input.amountMinor },
          { idempotencyKey: input.idempotencyKey },
        );
        return { refundId: refund.id };
      }),
    cancelSubscription: (input) =>
      call(async () => {
        await stripe.subscriptions.cancel(input.subscriptionId, {}, { idempotencyKey: input.idempotencyKey });
      }),
    parseWebhook(rawBody, headers) {
      const signature = headers['stripe-signature'];
      const refused = new DomainError('WEBHOOK_SIGNATURE_INVALID', 'The webhook signature does not match.');
      if (typeof signature !== 'string') throw refused;
      let body: unknown;
      try {
        body = stripe.webhooks.constructEvent(rawBody, signature, config.webhookSecret);
      } catch (error) {
        // Signed but not JSON (or not a snapshot event) is a bad body, not a bad signature.
        if (error instanceof Stripe.errors.StripeSignatureVerificationError) throw refused;
        throw new DomainError(
          'WEBHOOK_PAYLOAD_INVALID',
          'The webhook is signed but is not a Stripe event Roster can read.',
        );
      }
      return readStripeEvent(body);
    },
  };
}
