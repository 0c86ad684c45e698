import { and, asc, count, desc, eq, ilike, ne, or } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { sessions, users } from '../../db/schema';
import type { Actor, Role } from '../../domain/access/roles';
import { DomainError } from '../../domain/shared/domain-error';
import { decideUserChange, type UserChange } from '../../domain/users/decide-user-change';
import { revokeFeedToken } from '../sessions/calendar-feed';
import { recordAudit } from '../audit/record-audit';
import { loadUserSummary, toSummary, userWithSignIn, type UserSummary } from './user-summary';

export async function searchUsers(
  db: Database,
  opts: { query?: string; role?: Role; sort: 'name' | 'newest'; limit: number; offset: number },
) {
  const q = opts.query?.trim();
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(
    pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
    opts.role ? eq(users.role, opts.role) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(userWithSignIn)
      .from(users)
      .where(where)
      .orderBy(...(opts.sort === 'newest' ? [desc(users.createdAt), asc(users.id)] : [asc(users.name), asc(users.id)]))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { users: rows.map(toSummary), total: Number(total?.n ?? 0) };
}

export async function getUserSummary(db: Database, userId: string): Promise<UserSummary> {
  return loadUserSummary(db, userId);
}

/** Changes a user's role and/or active state, ends their sessions when deactivated, and audits it. */
export async function changeUser(db: Database, actor: Actor, userId: string, change: UserChange): Promise<UserSummary> {
  return inTransaction(db, async (tx) => {
    // Lock the target row so two admins changing the same user serialize.
    const [target] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!target) throw new DomainError('USER_NOT_FOUND', 'No such user');
    const before = await loadUserSummary(tx, target.id);
    const [admins] = await tx
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, 'ADMIN'), eq(users.banned, false), ne(users.id, userId)));
    const decision = decideUserChange(
      {
        actorId: actor.id,
        target: { id: before.id, role: before.role, active: before.active },
        otherActiveAdmins: Number(admins?.n ?? 0),
      },
      change,
    );
    if (decision instanceof DomainError) throw decision;
    await tx
      .update(users)
      .set({
        role: decision.role,
        banned: !decision.active,
        banReason: decision.active ? null : 'Deactivated by an admin',
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId));
    // A deactivated user is signed out everywhere at once.
    // …and their calendar feed URL stops working (a reactivated client gets a new one).
    if (!decision.active) {
      await tx.delete(sessions).where(eq(sessions.userId, userId));
      await revokeFeedToken(tx, userId);
    }
    const after = await loadUserSummary(tx, userId);
    if (before.role !== after.role) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'user.role_changed',
        targetType: 'user',
        targetId: userId,
        before: { role: before.role },
        after: { role: after.role },
      });
    }
    if (before.active !== after.active) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: after.active ? 'user.reactivated' : 'user.deactivated',
        targetType: 'user',
        targetId: userId,
        before: { active: before.active },
        after: { active: after.active },
      });
    }
    return after;
  });
}
