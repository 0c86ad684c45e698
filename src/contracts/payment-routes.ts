import { uuidParam } from './common';
import {
  billingView,
  checkoutBody,
  checkoutStarted,
  manualPaymentBody,
  paymentList,
  paymentListQuery,
  paymentView,
  portalSession,
  refundBody,
  refundResult,
  webhookReceived,
} from './payments';
import type { RouteContract, RouteKey } from './routes';

/** The payments routes (see `routes.ts`). The webhook's body is raw bytes (its signature covers them). */
export const paymentRoutes = {
  'POST /api/payments/checkout': { body: checkoutBody, response: checkoutStarted },
  'POST /api/payments/webhooks/stripe': { response: webhookReceived },
  'GET /api/me/payments': { response: paymentList },
  'GET /api/me/payments/:id': { params: uuidParam, response: paymentView },
  'GET /api/me/billing': { response: billingView },
  'POST /api/me/billing/portal': { response: portalSession },
  'GET /api/admin/payments': { query: paymentListQuery, response: paymentList },
  'POST /api/admin/payments/manual': { body: manualPaymentBody, response: paymentView },
  'POST /api/admin/payments/:id/refunds': { params: uuidParam, body: refundBody, response: refundResult },
} satisfies Record<RouteKey, RouteContract>;
