import type Stripe from 'stripe';
import type { PaymentEvent, ProviderRefs } from '../../domain/payments/payment-events';

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  value == null ? null : typeof value === 'string' ? value : value.id;

function checkoutRefs(session: Stripe.Checkout.Session): ProviderRefs {
  return {
    checkoutId: session.id,
    paymentIntentId: idOf(session.payment_intent),
    subscriptionId: idOf(session.subscription),
    customerId: idOf(session.customer),
    amountMinor: session.amount_total ?? 0,
    currency: (session.currency ?? 'gbp').toUpperCase(),
  };
}

/** The payment method Checkout used, when Stripe says (card, bacs_debit). */
function methodOf(session: Stripe.Checkout.Session): string | null {
  const types = session.payment_method_types;
  return types.length === 1 ? types[0]! : null;
}

function subscriptionOf(invoice: Stripe.Invoice): { id: string | null; paymentId: string | null } {
  const details = invoice.parent?.subscription_details;
  return { id: idOf(details?.subscription), paymentId: details?.metadata?.paymentId ?? null };
}

/** The end of the period this invoice pays for (its subscription line's period). */
function periodEndOf(invoice: Stripe.Invoice): Date | null {
  const end = invoice.lines?.data[0]?.period?.end;
  return end ? new Date(end * 1000) : null;
}

/**
 * Stripe's event → Roster's (payment-events.ts). Roster's payment id comes back as the
 * checkout's client_reference_id and the subscription's metadata (set when the checkout was made).
 */
export function toPaymentEvent(event: Stripe.Event): PaymentEvent {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      const paymentId = session.client_reference_id;
      if (!paymentId) return { type: 'IGNORED' };
      const paid = session.payment_status === 'paid' || session.payment_status === 'no_payment_required';
      return {
        type: paid ? 'CHECKOUT_PAID' : 'CHECKOUT_PENDING',
        paymentId,
        checkout: checkoutRefs(session),
        method: methodOf(session),
      };
    }
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired': {
      const paymentId = event.data.object.client_reference_id;
      return paymentId ? { type: 'CHECKOUT_FAILED', paymentId } : { type: 'IGNORED' };
    }
    case 'invoice.paid': {
      const invoice = event.data.object;
      const subscription = subscriptionOf(invoice);
      if (!subscription.id || !invoice.id) return { type: 'IGNORED' };
      const payment = invoice.payments?.data[0]?.payment;
      return {
        type: 'INVOICE_PAID',
        subscriptionId: subscription.id,
        invoiceId: invoice.id,
        paymentIntentId: idOf(payment?.payment_intent),
        amountMinor: invoice.amount_paid,
        currency: invoice.currency.toUpperCase(),
        firstPaymentId: invoice.billing_reason === 'subscription_create' ? subscription.paymentId : null,
        periodEnd: periodEndOf(invoice),
      };
    }
    case 'invoice.payment_failed': {
      const invoice = event.data.object;
      const subscription = subscriptionOf(invoice);
      if (!subscription.id || !invoice.id) return { type: 'IGNORED' };
      return {
        type: 'INVOICE_FAILED',
        subscriptionId: subscription.id,
        invoiceId: invoice.id,
        amountMinor: invoice.amount_due,
        currency: invoice.currency.toUpperCase(),
        // Stripe schedules no further attempt once its retries (Smart Retries) are exhausted.
        final: invoice.next_payment_attempt === null,
      };
    }
    case 'customer.subscription.deleted':
      return { type: 'SUBSCRIPTION_ENDED', subscriptionId: event.data.object.id };
    default:
      return { type: 'IGNORED' };
  }
}
