/** Shapes of the memberships-and-credits API (see /api/docs, tag "memberships" and "credits"). */

export type PlanType = 'RECURRING' | 'PACK' | 'PREPAID';
export type MembershipStatus = 'ACTIVE' | 'PAUSED' | 'CANCELLED' | 'EXPIRED';
export type GrantSource = 'PLAN_ALLOCATION' | 'PACK_PURCHASE' | 'ADJUSTMENT';
export type LedgerKind = 'GRANT' | 'CONSUME' | 'REFUND' | 'ADJUST' | 'EXPIRE';

export interface Plan {
  id: string;
  name: string;
  type: PlanType;
  description: string;
  features: string[];
  creditsPerWeek: number | null;
  totalCredits: number | null;
  durationDays: number | null;
  commitmentMonths: number | null;
  expiryDays: number | null;
  price: number;
  currency: string;
  purchasableByClient: boolean;
  allowRepeatPurchase: boolean;
  classTypes: Array<{ id: string; name: string }>;
  active: boolean;
  activeMembers?: number;
}

export interface PlanInput {
  name: string;
  type: PlanType;
  description: string;
  features: string[];
  creditsPerWeek: number | null;
  totalCredits: number | null;
  durationDays: number | null;
  commitmentMonths: number | null;
  expiryDays: number | null;
  price: number;
  purchasableByClient: boolean;
  allowRepeatPurchase: boolean;
  classTypeIds: string[];
  active?: boolean;
}

export interface Membership {
  id: string;
  userId: string;
  planId: string;
  planName: string;
  planType: PlanType;
  status: MembershipStatus;
  startDate: string;
  endDate: string | null;
  pausedOn: string | null;
  commitmentEndsOn: string | null;
  creditsPerWeek: number | null;
  totalCredits: number | null;
  paymentReference: string | null;
  assignedByName: string | null;
  createdAt: string;
}

export interface Grant {
  grantId: string;
  remaining: number;
  amount: number;
  validFrom: string;
  validUntil: string | null;
  source: GrantSource;
  planName: string | null;
  weekStart: string | null;
  onHold: boolean;
}

export interface Credits {
  available: Grant[];
  onHold: Grant[];
  totalUpcoming: number;
  currentWeekStart: string;
  thisWeek: number;
  nextWeek: number;
}

export interface LedgerEntry {
  id: string;
  kind: LedgerKind;
  amount: number;
  reasonCode: string;
  description: string;
  label: string;
  actorName: string | null;
  createdAt: string;
}

export interface LedgerPage {
  entries: LedgerEntry[];
  nextCursor: string | null;
}

export interface Member {
  id: string;
  name: string;
  email: string;
  active: boolean;
  plans: Array<{ membershipId: string; planName: string; planType: PlanType; status: MembershipStatus }>;
  creditsThisWeek: number;
}
