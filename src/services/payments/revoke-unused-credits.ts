import { and, eq, gt } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { creditGrants } from '../../db/schema';
import { planRevocation } from '../../domain/payments/plan-revocation';
import { applyMovements } from '../credits/ledger-writes';

/**
 * Takes back `share` of a membership's unused credits (1 = all of them), latest grants first —
 * a refund (ADR 0019) or a Direct Debit that failed (ADR 0023). Credits already spent on
 * bookings stay spent. Its grants are locked in ONE sweep by id (ADR 0008 stage 3) — after the
 * payment and membership rows, the order every payment path uses — and moved with EXPIRE rows in
 * one statement (applyMovements), so `remaining` and the ledger agree.
 */
export async function revokeUnusedCredits(
  tx: Tx,
  membershipId: string,
  share: number,
  why: { reasonCode: string; description: string; actorId: string | null },
  now: Date,
): Promise<number> {
  const grants = await tx
    .select({ id: creditGrants.id, remaining: creditGrants.remaining, validFrom: creditGrants.validFrom })
    .from(creditGrants)
    .where(and(eq(creditGrants.membershipId, membershipId), gt(creditGrants.remaining, 0)))
    .orderBy(creditGrants.id)
    .for('update');
  const movements = planRevocation(grants, share);
  await applyMovements(tx, movements, { kind: 'EXPIRE', ...why, now });
  return movements.reduce((sum, m) => sum - m.amount, 0);
}
