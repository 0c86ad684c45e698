import type { z } from 'zod';
import type { PaymentEvent, ProviderRefs, VerifiedEvent } from '../../domain/payments/payment-events';
import { DomainError } from '../../domain/shared/domain-error';
import {
  checkoutSessionShape,
  invoiceShape,
  stripeEnvelope,
  subscriptionShape,
  updatedSubscriptionShape,
  type CheckoutSessionShape,
  type InvoiceShape,
  type UpdatedSubscriptionShape,
} from './stripe-event-shapes';

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  value == null ? null : typeof value === 'string' ? value : value.id;

const unreadable = () =>
  new DomainError('WEBHOOK_PAYLOAD_INVALID', 'The webhook is signed but is not a Stripe event Roster can read.');

function read<T extends z.ZodType>(shape: T, value: unknown): z.output<T> {
  const parsed = shape.safeParse(value);
  if (!parsed.success) throw unreadable();
  return parsed.data;
}

function checkoutRefs(session: CheckoutSessionShape): ProviderRefs {
  return {
    checkoutId: session.id,
    paymentIntentId: idOf(session.payment_intent),
    subscriptionId: idOf(session.subscription),
    customerId: idOf(session.customer),
    amountMinor: session.amount_total ?? 0,
    currency: (session.currency ?? 'gbp').toUpperCase(),
  };
}

/**
 * The payment method Checkout used, when Stripe says (card, bacs_debit). A monthly plan offers
 * card or Bacs: a card is paid inside Checkout, so a completed but unpaid session is Bacs.
 */
function methodOf(session: CheckoutSessionShape): string | null {
  const types = session.payment_method_types;
  if (types.length === 1) return types[0]!;
  return session.payment_status === 'unpaid' && types.includes('bacs_debit') ? 'bacs_debit' : null;
}

function subscriptionOf(invoice: InvoiceShape) {
  const details = invoice.parent?.subscription_details;
  const startPaymentId = details?.metadata?.paymentId ?? null;
  return {
    id: idOf(details?.subscription),
    startPaymentId,
    firstPaymentId: invoice.billing_reason === 'subscription_create' ? startPaymentId : null,
  };
}

/** The end of the period this invoice pays for (its subscription line's period). */
function periodEndOf(invoice: InvoiceShape): Date | null {
  const end = invoice.lines?.data[0]?.period?.end;
  return end ? new Date(end * 1000) : null;
}

function checkoutEvent(type: string, object: unknown): PaymentEvent {
  const session = read(checkoutSessionShape, object);
  const paymentId = session.client_reference_id;
  if (!paymentId) return { type: 'IGNORED' };
  if (type === 'checkout.session.async_payment_failed' || type === 'checkout.session.expired') {
    return { type: 'CHECKOUT_FAILED', paymentId };
  }
  const paid = session.payment_status !== 'unpaid';
  return {
    type: paid ? 'CHECKOUT_PAID' : 'CHECKOUT_PENDING',
    paymentId,
    checkout: checkoutRefs(session),
    method: methodOf(session),
  };
}

function invoiceEvent(type: 'invoice.paid' | 'invoice.payment_failed', object: unknown): PaymentEvent {
  const invoice = read(invoiceShape, object);
  const subscription = subscriptionOf(invoice);
  if (!subscription.id || !invoice.id) return { type: 'IGNORED' };
  const common = {
    subscriptionId: subscription.id,
    invoiceId: invoice.id,
    currency: invoice.currency.toUpperCase(),
    firstPaymentId: subscription.firstPaymentId,
    startPaymentId: subscription.startPaymentId,
  };
  if (type === 'invoice.paid') {
    return {
      type: 'INVOICE_PAID',
      ...common,
      paymentIntentId: idOf(invoice.payments?.data[0]?.payment?.payment_intent),
      amountMinor: invoice.amount_paid,
      periodEnd: periodEndOf(invoice),
    };
  }
  // Stripe schedules no further attempt once its retries (Smart Retries) are exhausted.
  return { type: 'INVOICE_FAILED', ...common, amountMinor: invoice.amount_due, final: !invoice.next_payment_attempt };
}

/** When a subscription will end, if it was cancelled to end later (at the period's end or on a date). */
function endsAtOf(subscription: UpdatedSubscriptionShape): Date | null {
  const periodEnd = subscription.items?.data[0]?.current_period_end ?? subscription.current_period_end;
  const end = subscription.cancel_at ?? (subscription.cancel_at_period_end ? periodEnd : null);
  return end ? new Date(end * 1000) : null;
}

/** Statuses after which the subscription is over: customer.subscription.deleted says so. */
const FINISHED = new Set(['canceled', 'incomplete_expired']);

function updatedEvent(object: unknown, created: number | undefined): PaymentEvent {
  const subscription = read(updatedSubscriptionShape, object);
  if (FINISHED.has(subscription.status)) return { type: 'IGNORED' };
  const endsAt = endsAtOf(subscription);
  // Without its time an update cannot be ordered; cancelling at a period end Stripe does not date cannot be recorded.
  if (created === undefined || (!endsAt && subscription.cancel_at_period_end)) throw unreadable();
  return {
    type: 'SUBSCRIPTION_UPDATED',
    subscriptionId: subscription.id,
    startPaymentId: subscription.metadata?.paymentId ?? null,
    endsAt,
    occurredAt: new Date(created * 1000),
  };
}

/**
 * A verified Stripe event body → Roster's event (payment-events.ts). Roster's payment id comes
 * back as the checkout's client_reference_id and the subscription's metadata (set when the
 * checkout was made). Throws WEBHOOK_PAYLOAD_INVALID for a body that is not such an event.
 */
export function readStripeEvent(body: unknown): VerifiedEvent {
  const envelope = read(stripeEnvelope, body);
  const object = envelope.data.object;
  const of = (event: PaymentEvent): VerifiedEvent => ({ id: envelope.id, providerType: envelope.type, event });
  switch (envelope.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired':
      return of(checkoutEvent(envelope.type, object));
    case 'invoice.paid':
    case 'invoice.payment_failed':
      return of(invoiceEvent(envelope.type, object));
    case 'customer.subscription.deleted': {
      const subscription = read(subscriptionShape, object);
      return of({
        type: 'SUBSCRIPTION_ENDED',
        subscriptionId: subscription.id,
        startPaymentId: subscription.metadata?.paymentId ?? null,
      });
    }
    case 'customer.subscription.updated':
      return of(updatedEvent(object, envelope.created));
    default:
      return of({ type: 'IGNORED' });
  }
}
