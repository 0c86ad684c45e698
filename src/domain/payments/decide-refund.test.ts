import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { decideRefund } from './decide-refund';
import { planRevocation } from './plan-revocation';

const paid = { status: 'SUCCEEDED' as const, amountMinor: 9000, refundedMinor: 0, refundCount: 0 };

describe('decideRefund', () => {
  it('a full refund cancels and revokes everything; a partial one revokes its share of what is left', () => {
    expect(decideRefund(paid, { amountMinor: 9000 })).toMatchObject({
      seq: 1,
      status: 'REFUNDED',
      cancelMembership: true,
      revokeShare: 1,
    });
    expect(decideRefund(paid, { amountMinor: 3000 })).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      cancelMembership: false,
      revokeShare: 1 / 3,
    });
    const second = { ...paid, status: 'PARTIALLY_REFUNDED' as const, refundedMinor: 3000, refundCount: 1 };
    expect(decideRefund(second, { amountMinor: 6000 })).toMatchObject({
      seq: 2,
      status: 'REFUNDED',
      cancelMembership: true,
    });
  });

  it('refuses more than is left, nothing, or a payment not received', () => {
    for (const amountMinor of [0, 9001]) {
      expect((decideRefund(paid, { amountMinor }) as DomainError).code).toBe('VALIDATION_ERROR');
    }
    expect((decideRefund({ ...paid, status: 'OPEN' }, { amountMinor: 1 }) as DomainError).code).toBe(
      'PAYMENT_NOT_REFUNDABLE',
    );
  });
});

describe('planRevocation', () => {
  const week = (id: string, day: number, remaining: number) => ({
    id,
    remaining,
    validFrom: new Date(Date.UTC(2026, 2, day)),
  });

  it('takes the share rounded up, from the latest grants first', () => {
    const grants = [week('a', 2, 3), week('b', 9, 3), week('c', 16, 3)];
    expect(planRevocation(grants, 0.5)).toEqual([
      { grantId: 'c', amount: -3 },
      { grantId: 'b', amount: -2 },
    ]);
    expect(planRevocation(grants, 1).reduce((s, m) => s - m.amount, 0)).toBe(9);
    expect(planRevocation([], 1)).toEqual([]);
  });
});
