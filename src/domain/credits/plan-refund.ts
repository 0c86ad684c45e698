import type { Debit } from './plan-debit';

/** A ledger row that belongs to one registration. */
export interface RegistrationMovement {
  grantId: string;
  kind: 'CONSUME' | 'REFUND';
  amount: number;
}

/**
 * What a refund gives back: to each grant, exactly what this registration took from it and has
 * not yet had back. Run it twice and the second time returns nothing (idempotent).
 */
export function planRefund(movements: readonly RegistrationMovement[]): Debit[] {
  const outstanding = new Map<string, number>();
  for (const m of movements) outstanding.set(m.grantId, (outstanding.get(m.grantId) ?? 0) - m.amount);
  return [...outstanding.entries()]
    .filter(([, owed]) => owed > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([grantId, amount]) => ({ grantId, amount }));
}
