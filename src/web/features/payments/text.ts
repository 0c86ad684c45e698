import { formatMoney } from '../../lib/format';
import { localDateText } from '../memberships/text';
import type { Payment } from './queries';

/** Words shown about payments; the server decides every rule. */

export const money = (minor: number, currency: string) => formatMoney(minor / 100, currency);

export const METHOD_LABELS: Record<string, string> = {
  card: 'Card',
  bacs_debit: 'Direct Debit',
  cash: 'Cash',
  bank_transfer: 'Bank transfer',
};
export const methodText = (method: string | null) => (method ? (METHOD_LABELS[method] ?? method) : '—');

const PAYMENT_STATUS_LABELS: Record<Payment['status'], string> = {
  OPEN: 'Awaiting confirmation',
  PENDING: 'Waiting for the bank',
  SUCCEEDED: 'Paid',
  FAILED: 'Failed',
  PARTIALLY_REFUNDED: 'Partly refunded',
  REFUNDED: 'Refunded',
};
export const PAYMENT_STATUS_TONES = {
  OPEN: 'neutral',
  PENDING: 'info',
  SUCCEEDED: 'success',
  FAILED: 'danger',
  PARTIALLY_REFUNDED: 'warning',
  REFUNDED: 'neutral',
} as const;

/** A Direct Debit still with the bank that has already started its plan for one week (ADR 0023). */
export const isProvisional = (p: Pick<Payment, 'status' | 'membershipId'>) =>
  p.status === 'PENDING' && p.membershipId !== null;

/** The status in words; a provisional plan says what the client already has. */
export const paymentStatusText = (p: Pick<Payment, 'status' | 'membershipId'>) =>
  isProvisional(p) ? "Direct Debit pending — first week's credits given" : PAYMENT_STATUS_LABELS[p.status];

/** A subscription cancelled at the period's end in the billing portal (ADR 0029): no payment comes next. */
export const subscriptionEndText = (endsOn: string) =>
  `Cancelled — no more payments. Your membership ends on ${localDateText(endsOn, true)}.`;
