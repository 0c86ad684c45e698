import { DomainError } from '../shared/domain-error';
import type { CandidateGrant } from './consumption-order';
import { planDebit, type Debit } from './plan-debit';

/**
 * An admin takes `amount` credits away: from the client's current grants, in the same order a
 * booking would use them. Refused when they do not have that many: a balance never goes below zero.
 */
export function planRemoval(grants: readonly CandidateGrant[], amount: number): Debit[] | DomainError {
  const debits = planDebit(
    grants.map((g) => ({ ...g, coversClassType: true })),
    amount,
  );
  if (debits instanceof DomainError && debits.code === 'INSUFFICIENT_CREDITS') {
    const available = grants.reduce((sum, g) => sum + g.remaining, 0);
    return new DomainError(
      'INSUFFICIENT_CREDITS',
      `That would take the balance below zero: this client has ${available} credit${available === 1 ? '' : 's'} to remove from.`,
      { available },
    );
  }
  return debits;
}
