import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { creditGrants, users } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { planRemoval } from '../../domain/credits/plan-removal';
import { DomainError } from '../../domain/shared/domain-error';
import { recordAudit } from '../audit/record-audit';
import { notifyUser } from '../notifications/notify-user';
import { insertGrants } from './insert-grants';
import { applyMovements } from './ledger-writes';

export interface CreditAdjustment {
  /** Positive adds a grant; negative removes from the client's current credits. Never 0. */
  amount: number;
  reason: string;
  validFrom?: Date;
  validUntil?: Date | null;
}

/**
 * An admin adds or removes credits, with a reason, audited. Adding creates a grant valid from
 * now (or `validFrom`) with no end unless given. Removing takes from the grants still running,
 * in the order a booking would, and is refused if the client does not have that many.
 */
export async function adjustCredits(db: Database, actor: Actor, userId: string, input: CreditAdjustment, now: Date): Promise<{ amount: number; balance: number }> {
  const reason = input.reason.trim();
  if (!reason) throw new DomainError('VALIDATION_ERROR', 'reason: say why the credits change', { field: 'reason' });
  if (!Number.isInteger(input.amount) || input.amount === 0) {
    throw new DomainError('VALIDATION_ERROR', 'amount: give a whole number of credits other than 0', { field: 'amount' });
  }
  if (input.amount < 0 && (input.validFrom || input.validUntil)) {
    throw new DomainError('VALIDATION_ERROR', 'validUntil: dates only apply when adding credits', { field: 'validUntil' });
  }
  const validFrom = input.validFrom ?? now;
  if (input.validUntil && input.validUntil <= validFrom) {
    throw new DomainError('VALIDATION_ERROR', 'validUntil: the expiry must be after the credits start', { field: 'validUntil' });
  }
  return db.transaction(async (tx) => {
    // Lock the user so two adjustments of the same client happen one after the other.
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw new DomainError('USER_NOT_FOUND', 'No such user');
    if (input.amount > 0) {
      await insertGrants(
        tx,
        [{ userId, membershipId: null, source: 'ADJUSTMENT', amount: input.amount, validFrom, validUntil: input.validUntil ?? null, weekStart: null, description: reason }],
        { kind: 'ADJUST', reasonCode: 'ADMIN_ADJUSTMENT', actorId: actor.id, now },
      );
    } else {
      const current = await tx
        .select({ grantId: creditGrants.id, remaining: creditGrants.remaining, validUntil: creditGrants.validUntil, createdAt: creditGrants.createdAt })
        .from(creditGrants)
        .where(and(eq(creditGrants.userId, userId), gt(creditGrants.remaining, 0), or(isNull(creditGrants.validUntil), gt(creditGrants.validUntil, now))))
        .orderBy(sql`${creditGrants.validUntil} ASC NULLS LAST`, asc(creditGrants.createdAt), asc(creditGrants.id))
        .for('update');
      const debits = planRemoval(current, -input.amount);
      if (debits instanceof DomainError) throw debits;
      await applyMovements(
        tx,
        debits.map((d) => ({ grantId: d.grantId, amount: -d.amount })),
        { kind: 'ADJUST', reasonCode: 'ADMIN_ADJUSTMENT', description: reason, actorId: actor.id, now },
      );
    }
    const [balance] = await tx
      .select({ n: sql<number>`coalesce(sum(${creditGrants.remaining}), 0)::int` })
      .from(creditGrants)
      .where(and(eq(creditGrants.userId, userId), or(isNull(creditGrants.validUntil), gt(creditGrants.validUntil, now))));
    await recordAudit(tx, { actorId: actor.id, action: 'credits.adjusted', targetType: 'user', targetId: userId, after: { amount: input.amount, reason, validUntil: input.validUntil ?? null } });
    const n = Math.abs(input.amount);
    await notifyUser(tx, {
      userId,
      feature: null,
      kind: 'credits_adjusted',
      title: input.amount > 0 ? `The studio added ${n} credit${n === 1 ? '' : 's'}` : `The studio removed ${n} credit${n === 1 ? '' : 's'}`,
      body: reason,
      link: '/membership',
    });
    return { amount: input.amount, balance: Number(balance?.n ?? 0) };
  });
}
