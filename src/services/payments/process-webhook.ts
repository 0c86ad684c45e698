import { eq } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { payments, paymentSubscriptions, processedWebhookEvents } from '../../db/schema';
import type { PaymentEvent } from '../../domain/payments/payment-events';
import { notifyUser } from '../notifications/notify-user';
import { lockPayment, markPaid } from './activate-payment';
import type { PaymentProvider } from './provider';
import { renewalFailed, renewalPaid, subscriptionEnded } from './subscription-events';

/**
 * A provider's webhook, exactly once. The signature is checked before anything is written (a
 * bad one is WEBHOOK_SIGNATURE_INVALID, 400). Then ONE transaction inserts the event id and
 * applies the event: a duplicate finds the id and changes nothing; a concurrent duplicate waits
 * on the id's unique key until the first commits, then finds it — so the effects (a membership,
 * its credits) cannot happen twice; a failure rolls the id back with the effects and the
 * provider's retry runs it again.
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
      if (payment?.status !== 'OPEN') return;
      await tx
        .update(payments)
        .set({
          status: 'PENDING',
          method: event.method,
          providerCheckoutId: payment.providerCheckoutId ?? event.checkout.checkoutId,
          providerPaymentId: event.checkout.paymentIntentId,
          providerCustomerId: event.checkout.customerId,
          updatedAt: now,
        })
        .where(eq(payments.id, payment.id));
      await notifyUser(tx, {
        userId: payment.userId,
        feature: null,
        kind: 'payment_pending',
        title: 'Your Direct Debit is set up',
        body: 'Bank payments take a few working days. Your plan starts as soon as the payment arrives.',
        link: '/membership',
        dedupeKey: `payment-pending:${payment.id}`,
      });
      return;
    }
    case 'CHECKOUT_FAILED': {
      const payment = await lockPayment(tx, event.paymentId);
      if (payment?.status !== 'OPEN' && payment?.status !== 'PENDING') return;
      await tx.update(payments).set({ status: 'FAILED', updatedAt: now }).where(eq(payments.id, payment.id));
      if (payment.status === 'PENDING') {
        await notifyUser(tx, {
          userId: payment.userId,
          feature: null,
          kind: 'payment_failed',
          title: 'Your payment did not go through',
          body: 'Your bank did not pay. Nothing was charged; you can try again from Plans.',
          link: '/plans',
          email: true,
          dedupeKey: `payment-failed:${payment.id}`,
        });
      }
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
    case 'INVOICE_FAILED':
      await renewalFailed(tx, event, now);
      return;
    case 'SUBSCRIPTION_ENDED':
      await subscriptionEnded(tx, event, now);
      return;
    case 'IGNORED':
      return;
  }
}
