import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { as, type TestUser } from '../support/test-app';
import { signedEvent } from '../support/fake-stripe';

/** Delivers a signed Stripe event to the webhook, as Stripe would (raw JSON, Stripe-Signature). */
export function deliver(app: FastifyInstance, event: { payload: string; signature: string }) {
  return app.inject({
    method: 'POST',
    url: '/api/payments/webhooks/stripe',
    payload: event.payload,
    headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': event.signature },
  });
}

export async function deliverOk(app: FastifyInstance, type: string, object: Record<string, unknown>) {
  const response = await deliver(app, signedEvent(type, object));
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { received: boolean; duplicate: boolean };
}

export async function createPlan(app: FastifyInstance, admin: TestUser, body: Record<string, unknown>) {
  const response = await as(app, admin).post('/api/admin/plans', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

export async function checkout(app: FastifyInstance, client: TestUser, planId: string) {
  const response = await as(app, client).post('/api/payments/checkout', { planId });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { paymentId: string; url: string };
}

export const creditsOf = async (app: FastifyInstance, user: TestUser) =>
  (await as(app, user).get('/api/me/credits')).json().totalUpcoming as number;

export const membershipsOf = async (app: FastifyInstance, user: TestUser) =>
  (await as(app, user).get('/api/me/membership')).json().memberships as Array<{
    id: string;
    status: string;
    planName: string;
  }>;
