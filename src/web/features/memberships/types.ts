import type { ApiBody, ApiResponse } from '../../lib/api';

/** Shapes of the memberships-and-credits API, derived from the route table of `src/contracts`. */
export type { PlanType, MembershipStatus } from '../../../domain/credits/plan-types';

export type Plan = ApiResponse<'GET /api/plans'>['plans'][number];
export type PlanInput = ApiBody<'POST /api/admin/plans'>;
export type PlanPatch = ApiBody<'PATCH /api/admin/plans/:id'>;
export type Membership = ApiResponse<'GET /api/me/membership'>['memberships'][number];
export type Credits = ApiResponse<'GET /api/me/credits'>;
export type Grant = Credits['available'][number];
export type LedgerPage = ApiResponse<'GET /api/me/credit-transactions'>;
export type LedgerEntry = LedgerPage['entries'][number];
export type Member = ApiResponse<'GET /api/members'>['members'][number];
