import { isTermPlan, type PlanType } from '../credits/plan-types';
import { DomainError } from '../shared/domain-error';

export interface PurchasablePlan {
  id: string;
  name: string;
  type: PlanType;
  active: boolean;
  purchasableByClient: boolean;
  priceMinor: number;
  currency: string;
}

export interface CheckoutDecision {
  /** RECURRING plans bill monthly (subscription); packs and prepaid terms are paid once. */
  mode: 'payment' | 'subscription';
  kind: 'PURCHASE' | 'SUBSCRIPTION_START';
  amountMinor: number;
  currency: string;
}

/**
 * May this client pay for this plan online now? Only an active plan offered to clients, with a
 * price, in the studio's currency; a term plan only when they hold none (the membership would
 * be refused after the money was taken). The webhook checks again when the payment lands.
 */
export function decideCheckout(state: {
  plan: PurchasablePlan | null;
  holdsTermPlan: boolean;
  studioCurrency: string;
}): CheckoutDecision | DomainError {
  const { plan } = state;
  if (!plan || !plan.purchasableByClient) return new DomainError('PLAN_NOT_FOUND', 'That plan does not exist');
  if (!plan.active) return new DomainError('PLAN_INACTIVE', `${plan.name} is no longer offered.`);
  if (plan.priceMinor <= 0)
    return new DomainError('PAYMENT_NOT_NEEDED', `${plan.name} is free: ask the studio to add it for you.`);
  if (plan.currency !== state.studioCurrency)
    return new DomainError('PAYMENT_NOT_AVAILABLE', `${plan.name} is priced in ${plan.currency}; ask the studio.`);
  if (isTermPlan(plan.type) && state.holdsTermPlan)
    return new DomainError(
      'MEMBERSHIP_CONFLICT',
      'You already have a membership. Cancel it (or ask the studio) before starting another.',
    );
  const subscription = plan.type === 'RECURRING';
  return {
    mode: subscription ? 'subscription' : 'payment',
    kind: subscription ? 'SUBSCRIPTION_START' : 'PURCHASE',
    amountMinor: plan.priceMinor,
    currency: plan.currency,
  };
}
