import { format } from 'date-fns';
import { formatMoney } from '../../lib/format';
import type { Grant, LedgerEntry, Membership, MembershipStatus, Plan, PlanType } from './types';

/*
 * Words shown about plans, memberships and credits. They restate what the API says; the
 * server decides every rule.
 */

export const credits = (n: number) => `${n} ${n === 1 ? 'credit' : 'credits'}`;

export const PLAN_TYPE_LABELS: Record<PlanType, string> = {
  RECURRING: 'Monthly membership',
  PREPAID: 'Prepaid programme',
  PACK: 'Class pack',
};

export const STATUS_LABELS: Record<MembershipStatus, string> = {
  ACTIVE: 'Active',
  PAUSED: 'Paused',
  CANCELLED: 'Cancelled',
  EXPIRED: 'Ended',
};
export const STATUS_TONES = { ACTIVE: 'success', PAUSED: 'warning', CANCELLED: 'neutral', EXPIRED: 'neutral' } as const;

type Dated = Pick<Membership, 'planType' | 'status' | 'endDate'>;

/**
 * A monthly membership still held that has a last day will not renew: the client cancelled it
 * in the billing portal and it runs to the end of what they paid for (ADR 0029).
 */
export const isEnding = (m: Dated) =>
  m.planType === 'RECURRING' && m.endDate !== null && (m.status === 'ACTIVE' || m.status === 'PAUSED');

/** The badge: "Ending" for an active monthly membership that will not renew. */
export const statusLabel = (m: Dated) => (m.status === 'ACTIVE' && isEnding(m) ? 'Ending' : STATUS_LABELS[m.status]);
export const statusTone = (m: Dated) => (m.status === 'ACTIVE' && isEnding(m) ? 'warning' : STATUS_TONES[m.status]);

/** Its last day in words, or null when it has none (a monthly membership that renews). */
export function endText(m: Dated): string | null {
  if (!m.endDate) return null;
  const day = localDateText(m.endDate, true);
  if (m.planType === 'PACK') return `Credits last until ${day}`;
  if (isEnding(m)) return `Cancelled — ends on ${day}`;
  return `Last day ${day}`;
}

/** A held plan in a list of names: "Committed", "Committed (paused)", "Committed (ends Thu 31 Dec)". */
export function heldPlanText(p: Dated & { planName: string }): string {
  if (isEnding(p) && p.status === 'ACTIVE') return `${p.planName} (ends ${localDateText(p.endDate!)})`;
  return p.status === 'ACTIVE' ? p.planName : `${p.planName} (${STATUS_LABELS[p.status].toLowerCase()})`;
}

function lengthText(days: number): string {
  return days % 7 === 0 ? `${days / 7} ${days === 7 ? 'week' : 'weeks'}` : `${days} days`;
}

/** "£109 a month", "£297 all-in", "£55". */
export function priceText(plan: Pick<Plan, 'type' | 'price' | 'currency'>): string {
  const money = Number.isInteger(plan.price)
    ? new Intl.NumberFormat('en-GB', { style: 'currency', currency: plan.currency, maximumFractionDigits: 0 }).format(
        plan.price,
      )
    : formatMoney(plan.price, plan.currency);
  if (plan.price === 0) return 'Free';
  if (plan.type === 'RECURRING') return `${money} a month`;
  if (plan.type === 'PREPAID') return `${money} all-in`;
  return money;
}

type PlanCoverage = Pick<Plan, 'classTypes' | 'coversAllClassTypes' | 'appointmentServices'>;

/** Whether a plan pays for 1-on-1s (the list is absent while appointments are switched off). */
export const paysForOneOnOnes = (plan: PlanCoverage) => (plan.appointmentServices?.length ?? 0) > 0;

/**
 * What a plan's credits pay for, in words: "classes", "Spin or Yoga classes", "classes or
 * Personal Training", "Personal Training or Sports Massage".
 */
export function coverageText(plan: PlanCoverage): string {
  const classes = plan.coversAllClassTypes
    ? 'classes'
    : plan.classTypes.length > 0
      ? `${plan.classTypes.map((c) => c.name).join(' or ')} classes`
      : null;
  const services = (plan.appointmentServices ?? []).map((s) => s.name);
  return [classes, ...services].filter((part) => part !== null).join(' or ') || 'nothing yet';
}

/**
 * "5 classes a week · 6-month commitment", or, for a plan that also pays for 1-on-1s, "5 credits ·
 * classes or Personal Training · no expiry": a credit is then not always a class.
 */
export function planTerms(
  plan: Pick<Plan, 'type' | 'creditsPerWeek' | 'totalCredits' | 'durationDays' | 'commitmentMonths' | 'expiryDays'> &
    PlanCoverage,
): string {
  const oneOnOnes = paysForOneOnOnes(plan);
  const count = (n: number | null) => (oneOnOnes ? credits(n ?? 0) : `${n} ${n === 1 ? 'class' : 'classes'}`);
  const parts: string[] = [];
  if (plan.type === 'PACK') {
    parts.push(count(plan.totalCredits));
    if (oneOnOnes) parts.push(coverageText(plan));
    parts.push(plan.expiryDays ? `use within ${lengthText(plan.expiryDays)}` : 'no expiry');
  } else {
    parts.push(`${count(plan.creditsPerWeek)} a week`);
    if (oneOnOnes) parts.push(coverageText(plan));
    if (plan.type === 'PREPAID' && plan.durationDays) parts.push(`for ${lengthText(plan.durationDays)}`);
    if (plan.type === 'RECURRING')
      parts.push(plan.commitmentMonths ? `${plan.commitmentMonths}-month commitment` : 'no commitment');
  }
  return parts.join(' · ');
}

/** "Class pack", or "Pack" when its credits also (or only) pay for 1-on-1s. */
export function planTypeLabel(plan: Pick<Plan, 'type'> & PlanCoverage): string {
  return plan.type === 'PACK' && paysForOneOnOnes(plan) ? 'Pack' : PLAN_TYPE_LABELS[plan.type];
}

/** Where a grant's credits came from, in words. */
export function grantSourceText(g: Pick<Grant, 'source' | 'planName'>): string {
  if (g.source === 'ADJUSTMENT') return 'Added by the studio';
  if (g.source === 'PACK_PURCHASE') return g.planName ?? 'Class pack';
  return g.planName ? `${g.planName} weekly credits` : 'Weekly credits';
}

/** "+5" / "−1" with a real minus sign. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : `−${Math.abs(n)}`;
}

export function ledgerTone(e: Pick<LedgerEntry, 'amount'>): string {
  return e.amount > 0 ? 'text-green-800' : 'text-slate-900';
}

/** A studio-local date ("2026-03-04") in words ("Wed 4 Mar"), never shifted by the device's time zone. */
export function localDateText(date: string, withYear = false): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return format(new Date(y, m - 1, d), withYear ? 'EEE d MMM yyyy' : 'EEE d MMM');
}
