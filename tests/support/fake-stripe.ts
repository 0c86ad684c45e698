import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import type { StripeConfig } from '../../src/config';

/**
 * A tiny stand-in for Stripe's API on 127.0.0.1: the few endpoints Roster calls, answering with
 * Stripe-shaped JSON. The real `stripe` client talks to it (host/port/protocol), and webhook
 * bodies are signed with the client's own `generateTestHeaderString`, so the real signature
 * check runs. Like Stripe, a repeated Idempotency-Key gets the first answer back.
 */
export interface FakeStripeRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  params: Record<string, string>;
}

export interface FakeStripe {
  config: StripeConfig;
  requests: FakeStripeRequest[];
  /** Where Checkout "is": tests point it back at the app's own success page. */
  checkoutUrl: (params: Record<string, string>) => string;
  close(): Promise<void>;
}

const WEBHOOK_SECRET = 'whsec_test_roster';

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: FakeStripeRequest[] = [];
  const remembered = new Map<string, unknown>();
  let counter = 0;
  const fake: FakeStripe = {
    config: { secretKey: 'sk_test_roster', webhookSecret: WEBHOOK_SECRET },
    requests,
    checkoutUrl: (params) => `https://checkout.stripe.test/c/pay/${params.client_reference_id}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const answer = (method: string, path: string, params: Record<string, string>): [number, unknown] => {
    counter += 1;
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      return [
        200,
        {
          id: `cs_test_${counter}`,
          object: 'checkout.session',
          mode: params.mode,
          client_reference_id: params.client_reference_id,
          url: fake.checkoutUrl(params),
          status: 'open',
          payment_status: 'unpaid',
        },
      ];
    }
    if (method === 'POST' && path === '/v1/billing_portal/sessions') {
      return [
        200,
        {
          id: `bps_${counter}`,
          object: 'billing_portal.session',
          url: `https://billing.stripe.test/p/${params.customer}`,
        },
      ];
    }
    if (method === 'POST' && path === '/v1/refunds') {
      return [200, { id: `re_${counter}`, object: 'refund', amount: Number(params.amount), status: 'succeeded' }];
    }
    const cancel = /^\/v1\/subscriptions\/([^/]+)$/.exec(path);
    if (method === 'DELETE' && cancel) return [200, { id: cancel[1], object: 'subscription', status: 'canceled' }];
    return [
      404,
      { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` } },
    ];
  };
  const server: Server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const params = Object.fromEntries(new URLSearchParams(body || url.search));
      const key = (request.headers['idempotency-key'] as string | undefined) ?? null;
      requests.push({ method: request.method ?? 'GET', path: url.pathname, idempotencyKey: key, params });
      const cacheKey = key ? `${request.method} ${url.pathname} ${key}` : null;
      const [status, json] =
        cacheKey && remembered.has(cacheKey)
          ? [200, remembered.get(cacheKey)]
          : answer(request.method ?? 'GET', url.pathname, params);
      if (cacheKey && status === 200) remembered.set(cacheKey, json);
      response.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${counter}` });
      response.end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.config.api = { host: '127.0.0.1', port, protocol: 'http' };
  return fake;
}

const signer = new Stripe('sk_test_signer');
let eventCounter = 0;

/** A Stripe event JSON body for `type` around `object`, and its signed header; `created` in Unix seconds. */
export function signedEvent(
  type: string,
  object: Record<string, unknown>,
  secret = WEBHOOK_SECRET,
  created = Math.floor(Date.now() / 1000),
) {
  eventCounter += 1;
  const payload = JSON.stringify({
    id: `evt_test_${eventCounter}_${Math.random().toString(36).slice(2, 8)}`,
    object: 'event',
    api_version: '2026-11-18.endive',
    created,
    type,
    data: { object },
  });
  return { payload, signature: signer.webhooks.generateTestHeaderString({ payload, secret }) };
}

/** Any body, signed as Stripe signs: for bodies that are correctly signed but not a Stripe event. */
export function signedPayload(payload: string, secret = WEBHOOK_SECRET) {
  return { payload, signature: signer.webhooks.generateTestHeaderString({ payload, secret }) };
}

/** Stripe-shaped objects for the events Roster reads. */
export const stripeObjects = {
  checkoutSession: (over: {
    paymentId: string;
    paid?: boolean;
    mode?: 'payment' | 'subscription';
    amount: number;
    subscription?: string | null;
    customer?: string;
    paymentIntent?: string | null;
    method?: string;
    methods?: string[];
  }) => ({
    id: `cs_test_${over.paymentId.slice(0, 8)}`,
    object: 'checkout.session',
    mode: over.mode ?? 'payment',
    client_reference_id: over.paymentId,
    payment_status: over.paid === false ? 'unpaid' : 'paid',
    status: 'complete',
    amount_total: over.amount,
    currency: 'gbp',
    customer: over.customer ?? 'cus_test_1',
    payment_intent: over.paymentIntent === undefined ? `pi_${over.paymentId.slice(0, 8)}` : over.paymentIntent,
    subscription: over.subscription ?? null,
    payment_method_types: over.methods ?? [over.method ?? 'card'],
  }),
  /** A subscription as customer.subscription.updated sends it; `cancelAt` (a Date) = cancelled to end then. */
  subscription: (over: { id: string; paymentId?: string; cancelAt?: Date | null; status?: string }) => {
    const end = over.cancelAt ? Math.floor(over.cancelAt.getTime() / 1000) : null;
    return {
      id: over.id,
      object: 'subscription',
      status: over.status ?? 'active',
      cancel_at_period_end: end !== null,
      cancel_at: end,
      items: { object: 'list', data: [{ current_period_end: end ?? 1_900_000_000 }] },
      metadata: over.paymentId ? { paymentId: over.paymentId } : {},
    };
  },
  invoice: (over: {
    id: string;
    subscription: string;
    amount: number;
    reason: 'subscription_create' | 'subscription_cycle';
    paymentId?: string;
    nextAttempt?: number | null;
    periodEnd?: number;
  }) => ({
    id: over.id,
    object: 'invoice',
    billing_reason: over.reason,
    amount_paid: over.amount,
    amount_due: over.amount,
    currency: 'gbp',
    next_payment_attempt: over.nextAttempt ?? null,
    parent: {
      type: 'subscription_details',
      subscription_details: {
        subscription: over.subscription,
        metadata: over.paymentId ? { paymentId: over.paymentId } : {},
      },
    },
    lines: { object: 'list', data: [{ period: { start: 0, end: over.periodEnd ?? 1_900_000_000 } }] },
    payments: { object: 'list', data: [{ payment: { type: 'payment_intent', payment_intent: `pi_${over.id}` } }] },
  }),
};
