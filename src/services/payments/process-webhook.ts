import { eq } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { paymentSubscriptions, processedWebhookEvents } from '../../db/schema';
import type { PaymentEvent } from '../../domain/payments/payment-events';
import { isPaid } from '../../domain/payments/payment-types';
import { lockPayment, markPaid } from './activate-payment';
import { paymentFailed, paymentPending } from './pending-direct-debit';
import type { PaymentProvider } from './provider';
import { renewalFailed, renewalPaid, subscriptionEnded } from './subscription-events';
import { subscriptionUpdated } from './subscription-updated';

/**
 * A provider's webhook, exactly once. The signature is checked before anything is written (a
 * bad one is WEBHOOK_SIGNATURE_INVALID, 400; a signed body that is not an event Roster can read
 * is WEBHOOK_PAYLOAD_INVALID, 400). Then ONE transaction inserts the event id and
 * applies the event: a duplicate finds the id and changes nothing; a concurrent duplicate waits
 * on the id's unique key until the first commits, then finds it — so the effects (a membership,
 * its credits) cannot happen twice; a failure rolls the id back with the effects and the
 * provider's retry runs it again. That is also how an event about a subscription that is ours but
 * not started yet is kept (WEBHOOK_EVENT_EARLY, 409: nothing recorded, Stripe delivers it again; ADR 0023).
 */
export async function processWebhook(
  db: Database,
  provider: PaymentProvider,
  rawBody: Buffer,
  headers: Record<string, string | string[] | undefined>,
  now: Date,
): Promise<{ duplicate: boolean }> {
  const verified = provider.parseWebhook(rawBody, headers);
  return inTransaction(db, async (tx) => {
    const fresh = await tx
      .insert(processedWebhookEvents)
      .values({ provider: provider.name, eventId: verified.id, type: verified.providerType, processedAt: now })
      .onConflictDoNothing()
      .returning({ eventId: processedWebhookEvents.eventId });
    if (fresh.length === 0) return { duplicate: true };
    await applyPaymentEvent(tx, verified.event, now);
    return { duplicate: false };
  });
}

async function applyPaymentEvent(tx: Tx, event: PaymentEvent, now: Date): Promise<void> {
  switch (event.type) {
    case 'CHECKOUT_PAID': {
      const payment = await lockPayment(tx, event.paymentId);
      if (payment) await markPaid(tx, payment, { ...event.checkout, method: event.method }, now);
      return;
    }
    case 'CHECKOUT_PENDING': {
      const payment = await lockPayment(tx, event.paymentId);
      if (payment) await paymentPending(tx, payment, event, now);
      return;
    }
    case 'CHECKOUT_FAILED': {
      const payment = await lockPayment(tx, event.paymentId);
      if (payment) await paymentFailed(tx, payment, now);
      return;
    }
    case 'INVOICE_PAID': {
      const first = event.firstPaymentId ? await lockPayment(tx, event.firstPaymentId) : null;
      if (first) {
        await markPaid(
          tx,
          first,
          {
            paymentIntentId: event.paymentIntentId,
            invoiceId: event.invoiceId,
            subscriptionId: event.subscriptionId,
            customerId: null,
            method: null,
          },
          now,
        );
        await tx
          .update(paymentSubscriptions)
          .set({ currentPeriodEnd: event.periodEnd, updatedAt: now })
          .where(eq(paymentSubscriptions.providerSubscriptionId, event.subscriptionId));
        return;
      }
      await renewalPaid(tx, event, now);
      return;
    }
    case 'INVOICE_FAILED': {
      // The first invoice of a Bacs subscription failing is its pending checkout failing.
      const first = event.firstPaymentId ? await lockPayment(tx, event.firstPaymentId) : null;
      if (first && !isPaid(first.status)) {
        if (first.status === 'PENDING') await paymentFailed(tx, first, now);
        return;
      }
      await renewalFailed(tx, event, now);
      return;
    }
    case 'SUBSCRIPTION_ENDED':
      await subscriptionEnded(tx, event, now);
      return;
    case 'SUBSCRIPTION_UPDATED':
      await subscriptionUpdated(tx, event, now);
      return;
    case 'IGNORED':
      return;
  }
}
