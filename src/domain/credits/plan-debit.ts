import { DomainError } from '../shared/domain-error';
import { compareConsumptionOrder, type CandidateGrant } from './consumption-order';

export interface DebitCandidate extends CandidateGrant {
  /** False when the grant's plan does not pay for this class type (or appointment service). */
  coversClassType: boolean;
}

export interface Debit {
  grantId: string;
  amount: number;
}

/**
 * Which grants pay for `cost` credits, and how much from each: the usable grants in
 * consumption order, several if one is not enough. The candidates are the grants whose window
 * holds the session's start and whose membership is not paused; a grant whose plan excludes
 * the class type is never used.
 */
export function planDebit(candidates: readonly DebitCandidate[], cost: number): Debit[] | DomainError {
  if (!Number.isInteger(cost) || cost < 1)
    return new DomainError('VALIDATION_ERROR', 'A class must cost at least one credit');
  const usable = candidates.filter((g) => g.coversClassType && g.remaining > 0).sort(compareConsumptionOrder);
  const available = usable.reduce((sum, g) => sum + g.remaining, 0);
  if (available < cost) {
    const blocked = candidates.some((g) => !g.coversClassType && g.remaining > 0);
    if (available === 0 && blocked) {
      return new DomainError('CLASS_TYPE_NOT_ALLOWED', 'Your plan does not include this type of class');
    }
    return new DomainError(
      'INSUFFICIENT_CREDITS',
      available === 0
        ? 'You have no credits left for this class'
        : `This costs ${cost} credits and you have ${available} left for it`,
      { needed: cost, available },
    );
  }
  const debits: Debit[] = [];
  let owed = cost;
  for (const grant of usable) {
    if (owed === 0) break;
    const take = Math.min(grant.remaining, owed);
    debits.push({ grantId: grant.grantId, amount: take });
    owed -= take;
  }
  return debits;
}

/** What could be paid right now, and whether only the class type stands in the way. */
export function summarizeUsable(candidates: readonly DebitCandidate[]): { usable: number; classTypeBlocked: boolean } {
  const usable = candidates.filter((g) => g.coversClassType).reduce((sum, g) => sum + Math.max(0, g.remaining), 0);
  const blocked = candidates.some((g) => !g.coversClassType && g.remaining > 0);
  return { usable, classTypeBlocked: usable === 0 && blocked };
}
