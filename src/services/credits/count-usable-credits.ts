import type { Executor } from '../../db/client';
import { summarizeUsable } from '../../domain/credits/plan-debit';
import { loadDebitCandidates } from './debit-candidates';

/**
 * What the client could pay for this session with right now (for joining a waitlist and for
 * "can this waitlisted client be promoted"). No writes, no locks.
 */
export async function countUsableCredits(
  db: Executor,
  input: { userId: string; classTypeId: string; sessionStart: Date; now: Date },
): Promise<{ usable: number; classTypeBlocked: boolean }> {
  const candidates = await loadDebitCandidates(db, input, false);
  return summarizeUsable(candidates);
}
