import { DomainError } from '../shared/domain-error';
import { addLocalDays, type LocalDate } from '../time/studio-week';
import { isHeld, isTermPlan, type MembershipStatus, type PlanType } from './plan-types';

export interface AssignablePlan {
  id: string;
  name: string;
  type: PlanType;
  active: boolean;
  allowRepeatPurchase: boolean;
  durationDays: number | null;
  expiryDays: number | null;
}

export interface HeldMembership {
  planId: string;
  planName: string;
  planType: PlanType;
  status: MembershipStatus;
  startDate: LocalDate;
  endDate: LocalDate | null;
}

export interface AssignmentDecision {
  planType: PlanType;
  status: 'ACTIVE';
  startDate: LocalDate;
  /** Last day covered (inclusive): a prepaid term or a pack's expiry; null = until cancelled. */
  endDate: LocalDate | null;
}

/** The last day a fixed-term membership covers; null for a plan that runs until cancelled. */
export function fixedEndDate(
  plan: Pick<AssignablePlan, 'type' | 'durationDays' | 'expiryDays'>,
  startDate: LocalDate,
): LocalDate | null {
  if (plan.type === 'PREPAID' && plan.durationDays) return addLocalDays(startDate, plan.durationDays - 1);
  if (plan.type === 'PACK' && plan.expiryDays) return addLocalDays(startDate, plan.expiryDays - 1);
  return null;
}

/**
 * An admin gives a client a plan from `startDate`. A client holds at most one active or paused
 * recurring/prepaid membership (packs are unlimited); a plan without repeat purchase can be
 * held once (a membership cancelled before it started does not count).
 */
export function decideMembershipAssignment(
  state: { plan: AssignablePlan | null; existing: readonly HeldMembership[]; today: LocalDate },
  command: { startDate: LocalDate },
): AssignmentDecision | DomainError {
  const { plan } = state;
  if (!plan) return new DomainError('PLAN_NOT_FOUND', 'That plan does not exist');
  if (!plan.active)
    return new DomainError(
      'PLAN_INACTIVE',
      `${plan.name} is no longer offered. Reactivate it first or choose another plan.`,
    );
  if (isTermPlan(plan.type)) {
    const current = state.existing.find((m) => isTermPlan(m.planType) && isHeld(m.status));
    if (current) {
      return new DomainError(
        'MEMBERSHIP_CONFLICT',
        `This client already has ${current.status === 'PAUSED' ? 'a paused' : 'an active'} ${current.planName} membership. Cancel it before starting another plan.`,
      );
    }
  }
  if (!plan.allowRepeatPurchase) {
    const before = state.existing.find(
      (m) => m.planId === plan.id && !(m.status === 'CANCELLED' && m.endDate !== null && m.endDate < m.startDate),
    );
    if (before)
      return new DomainError(
        'REPEAT_PURCHASE_NOT_ALLOWED',
        `${plan.name} can only be taken once, and this client has already had it.`,
      );
  }
  const endDate = fixedEndDate(plan, command.startDate);
  if (endDate !== null && endDate < state.today) {
    return new DomainError('VALIDATION_ERROR', 'startDate: with that start date the plan would already have ended', {
      field: 'startDate',
    });
  }
  return { planType: plan.type, status: 'ACTIVE', startDate: command.startDate, endDate };
}
