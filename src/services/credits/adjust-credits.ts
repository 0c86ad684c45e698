import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { creditGrants, users } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { decideCreditAdjustment, type CreditAdjustmentInput } from '../../domain/credits/decide-credit-adjustment';
import { planRemoval } from '../../domain/credits/plan-removal';
import { DomainError } from '../../domain/shared/domain-error';
import { refuseInactiveUser } from '../../domain/users/refuse-inactive-user';
import { recordAudit } from '../audit/record-audit';
import { notifyUser } from '../notifications/notify-user';
import { loadSettings } from '../settings/settings-service';
import { insertGrants } from './insert-grants';
import { applyMovements } from './ledger-writes';

/**
 * An admin adds or removes credits, with a reason, audited, and the client is told. Removing
 * takes from the grants still running, in the order a booking would, and is refused with
 * INSUFFICIENT_CREDITS if the client does not have that many.
 */
export async function adjustCredits(
  db: Database,
  actor: Actor,
  userId: string,
  input: CreditAdjustmentInput,
  now: Date,
): Promise<{ amount: number; balance: number }> {
  return inTransaction(db, async (tx) => {
    // Lock the user so two adjustments of the same client happen one after the other (and after
    // their bookings). NO KEY UPDATE, as bookings take it: FOR UPDATE would also block the key
    // share a ledger insert takes on the user row, in a transaction that may hold their grants.
    const [user] = await tx
      .select({ id: users.id, name: users.name, banned: users.banned })
      .from(users)
      .where(eq(users.id, userId))
      .for('no key update');
    if (!user) throw new DomainError('USER_NOT_FOUND', 'No such user');
    // Under the user row's lock, which deactivation takes too.
    const inactive = refuseInactiveUser({ name: user.name, active: !user.banned });
    if (inactive) throw inactive;
    const decision = decideCreditAdjustment(input, now, (await loadSettings(tx))['studio.timezone']);
    if (decision instanceof DomainError) throw decision;
    if (decision.kind === 'ADD') {
      await insertGrants(
        tx,
        [
          {
            userId,
            membershipId: null,
            source: 'ADJUSTMENT',
            amount: decision.amount,
            validFrom: decision.validFrom,
            validUntil: decision.validUntil,
            weekStart: null,
            description: decision.reason,
          },
        ],
        { kind: 'ADJUST', reasonCode: 'ADMIN_ADJUSTMENT', actorId: actor.id, now },
      );
    } else {
      const current = await tx
        .select({
          grantId: creditGrants.id,
          remaining: creditGrants.remaining,
          validUntil: creditGrants.validUntil,
          createdAt: creditGrants.createdAt,
        })
        .from(creditGrants)
        .where(
          and(
            eq(creditGrants.userId, userId),
            gt(creditGrants.remaining, 0),
            or(isNull(creditGrants.validUntil), gt(creditGrants.validUntil, now)),
          ),
        )
        // Locked in grant id order, as everywhere (ADR 0008); planRemoval orders for consumption.
        .orderBy(asc(creditGrants.id))
        .for('update');
      const debits = planRemoval(current, decision.amount);
      if (debits instanceof DomainError) throw debits;
      await applyMovements(
        tx,
        debits.map((d) => ({ grantId: d.grantId, amount: -d.amount })),
        { kind: 'ADJUST', reasonCode: 'ADMIN_ADJUSTMENT', description: decision.reason, actorId: actor.id, now },
      );
    }
    const [balance] = await tx
      .select({ n: sql<number>`coalesce(sum(${creditGrants.remaining}), 0)::int` })
      .from(creditGrants)
      .where(
        and(eq(creditGrants.userId, userId), or(isNull(creditGrants.validUntil), gt(creditGrants.validUntil, now))),
      );
    const signed = decision.kind === 'ADD' ? decision.amount : -decision.amount;
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'credits.adjusted',
      targetType: 'user',
      targetId: userId,
      after: {
        amount: signed,
        reason: decision.reason,
        validUntil: decision.kind === 'ADD' ? decision.validUntil : null,
      },
    });
    const n = decision.amount;
    await notifyUser(tx, {
      userId,
      feature: null,
      kind: 'credits_adjusted',
      title: `The studio ${decision.kind === 'ADD' ? 'added' : 'removed'} ${n} credit${n === 1 ? '' : 's'}`,
      body: decision.reason,
      link: '/membership',
    });
    return { amount: signed, balance: Number(balance?.n ?? 0) };
  });
}
