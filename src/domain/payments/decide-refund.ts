import { DomainError } from '../shared/domain-error';
import { isPaid, type PaymentStatus } from './payment-types';

export interface RefundablePayment {
  status: PaymentStatus;
  amountMinor: number;
  refundedMinor: number;
  /** How many refunds this payment already has: the next one's sequence number. */
  refundCount: number;
}

export interface RefundDecision {
  /** 1, 2, …: with the payment id, the refund's idempotency key at the provider and its unique key here. */
  seq: number;
  amountMinor: number;
  status: 'PARTIALLY_REFUNDED' | 'REFUNDED';
  /** Full refund: the membership ends today and every unused credit goes. */
  cancelMembership: boolean;
  /** The share of the membership's unused credits to revoke (1 = all). */
  revokeShare: number;
}

/**
 * An admin gives money back. A full refund (of what is left) cancels the membership it paid
 * for; a partial one shortens it: the same share of its unused credits is revoked, the latest
 * first (ADR 0019).
 */
export function decideRefund(
  payment: RefundablePayment,
  command: { amountMinor: number },
): RefundDecision | DomainError {
  if (!isPaid(payment.status))
    return new DomainError('PAYMENT_NOT_REFUNDABLE', 'Only a payment that has been received can be refunded.');
  const left = payment.amountMinor - payment.refundedMinor;
  if (command.amountMinor < 1 || command.amountMinor > left) {
    return new DomainError(
      'VALIDATION_ERROR',
      `amountMinor: refund between 1 and ${left} (what is left of this payment, in pence)`,
      { field: 'amountMinor' },
    );
  }
  const full = command.amountMinor === left;
  return {
    seq: payment.refundCount + 1,
    amountMinor: command.amountMinor,
    status: full ? 'REFUNDED' : 'PARTIALLY_REFUNDED',
    cancelMembership: full,
    revokeShare: full ? 1 : command.amountMinor / left,
  };
}
