export const PLAN_TYPES = ['RECURRING', 'PACK', 'PREPAID'] as const;
export type PlanType = (typeof PLAN_TYPES)[number];

export const MEMBERSHIP_STATUSES = ['ACTIVE', 'PAUSED', 'CANCELLED', 'EXPIRED'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export const GRANT_SOURCES = ['PLAN_ALLOCATION', 'PACK_PURCHASE', 'ADJUSTMENT'] as const;
export type GrantSource = (typeof GRANT_SOURCES)[number];

/**
 * COMP: staff let a client in without credits (free, with a reason). It moves no credit (amount 0)
 * and belongs to no grant, but it is a line of the client's account history like any other.
 */
export const LEDGER_KINDS = ['GRANT', 'CONSUME', 'REFUND', 'ADJUST', 'EXPIRE', 'COMP'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** Plans that run for a term with weekly credits: a client holds at most one of these at a time. */
export const isTermPlan = (type: PlanType): boolean => type === 'RECURRING' || type === 'PREPAID';

/** Statuses in which a membership is still held (counts against "one term plan at a time"). */
export const isHeld = (status: MembershipStatus): boolean => status === 'ACTIVE' || status === 'PAUSED';
