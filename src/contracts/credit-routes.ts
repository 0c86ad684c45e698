import { idParam, uuidParam } from './common';
import {
  pauseBody,
  adjustBody,
  adjustResult,
  assignBody,
  creditsView,
  ledgerPage,
  ledgerQuery,
  memberSearchQuery,
  memberSearchResult,
  membershipList,
  membershipView,
  planBody,
  planList,
  planPatch,
  planView,
  statusBody,
} from './credits';
import type { RouteContract, RouteKey } from './routes';

/** The memberships-and-credits routes (see `routes.ts`). */
export const creditRoutes = {
  'GET /api/plans': { response: planList },
  'POST /api/admin/plans': { body: planBody, response: planView },
  'PATCH /api/admin/plans/:id': { params: uuidParam, body: planPatch, response: planView },
  'POST /api/admin/users/:id/memberships': { params: idParam, body: assignBody, response: membershipView },
  'GET /api/admin/users/:id/memberships': { params: idParam, response: membershipList },
  'PATCH /api/admin/memberships/:id': { params: uuidParam, body: statusBody, response: membershipView },
  'PUT /api/admin/memberships/:id/pause': { params: uuidParam, body: pauseBody, response: membershipView },
  'GET /api/me/membership': { response: membershipList },
  'GET /api/me/credits': { response: creditsView },
  'GET /api/me/credit-transactions': { query: ledgerQuery, response: ledgerPage },
  'GET /api/admin/users/:id/credits': { params: idParam, response: creditsView },
  'GET /api/admin/users/:id/credit-transactions': { params: idParam, query: ledgerQuery, response: ledgerPage },
  'POST /api/admin/users/:id/credits': { params: idParam, body: adjustBody, response: adjustResult },
  'GET /api/members': { query: memberSearchQuery, response: memberSearchResult },
} satisfies Record<RouteKey, RouteContract>;
