import { and, asc, eq, gte, inArray, isNotNull, sum } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { creditGrants, creditTransactions } from '../../db/schema';
import { decidePausedWeekCredits, type PausedDays } from '../../domain/credits/decide-paused-weeks';
import { addLocalDays, type LocalDate } from '../../domain/time/studio-week';
import { applyMovements } from './ledger-writes';

/** Ledger reasons of a pause taking a week's credits, and of giving them back. */
const PAUSED = 'PAUSED';
const PAUSE_ENDED = 'PAUSE_ENDED';

/**
 * Makes a membership's weekly grants agree with its pause (decidePausedWeekCredits): a week wholly
 * inside it loses its unused credits (EXPIRE, reason PAUSED); a week that no longer is gets them
 * back (GRANT, reason PAUSE_ENDED). The caller holds the membership row lock (FOR UPDATE), so two
 * changes of one membership's pause run one after the other. Why the credits cannot race: the
 * grants are locked here in one sweep by id (ADR 0008) before they are read, so a booking paying
 * from one either finished before (and `remaining` is what it left) or waits; each movement writes
 * the grant and its ledger row in one statement (applyMovements), and what is given back is
 * computed from the ledger, so running it again changes nothing.
 */
export async function settlePausedWeekCredits(
  tx: Tx,
  membershipId: string,
  pause: PausedDays | null,
  today: LocalDate,
  actorId: string | null,
  now: Date,
): Promise<void> {
  const grants = await tx
    .select({ id: creditGrants.id, weekStart: creditGrants.weekStart, remaining: creditGrants.remaining })
    .from(creditGrants)
    .where(
      and(
        eq(creditGrants.membershipId, membershipId),
        isNotNull(creditGrants.weekStart),
        gte(creditGrants.weekStart, addLocalDays(today, -6)),
      ),
    )
    .orderBy(asc(creditGrants.id))
    .for('update');
  if (grants.length === 0) return;
  const ids = grants.map((g) => g.id);
  const [taken, words] = await Promise.all([
    tx
      .select({ grantId: creditTransactions.grantId, net: sum(creditTransactions.amount).mapWith(Number) })
      .from(creditTransactions)
      .where(
        and(inArray(creditTransactions.grantId, ids), inArray(creditTransactions.reasonCode, [PAUSED, PAUSE_ENDED])),
      )
      .groupBy(creditTransactions.grantId),
    tx
      .select({ grantId: creditTransactions.grantId, description: creditTransactions.description })
      .from(creditTransactions)
      .where(and(inArray(creditTransactions.grantId, ids), eq(creditTransactions.kind, 'GRANT')))
      .orderBy(asc(creditTransactions.seq)),
  ]);
  const movements = decidePausedWeekCredits(
    grants.map((g) => ({
      grantId: g.id,
      weekStart: g.weekStart!,
      remaining: g.remaining,
      takenByPause: -(taken.find((t) => t.grantId === g.id)?.net ?? 0),
    })),
    pause,
    today,
  );
  for (const m of movements) {
    const back = m.amount > 0;
    await applyMovements(tx, [m], {
      kind: back ? 'GRANT' : 'EXPIRE',
      reasonCode: back ? PAUSE_ENDED : PAUSED,
      description: words.find((w) => w.grantId === m.grantId)?.description ?? 'Weekly credits',
      actorId,
      now,
    });
  }
}
