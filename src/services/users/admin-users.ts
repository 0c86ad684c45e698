import { and, asc, count, eq, ilike, ne, or } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { sessions, users } from '../../db/schema';
import { isRole, type Actor, type Role } from '../../domain/access/roles';
import { DomainError } from '../../domain/shared/domain-error';
import { decideUserChange, type UserChange } from '../../domain/users/decide-user-change';
import { revokeFeedToken } from '../sessions/calendar-feed';
import { recordAudit } from '../audit/record-audit';

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  createdAt: Date;
}

function toSummary(u: typeof users.$inferSelect): UserSummary {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: isRole(u.role) ? u.role : 'CLIENT',
    active: !u.banned,
    createdAt: u.createdAt,
  };
}

export async function searchUsers(db: Database, opts: { query?: string; role?: Role; limit: number; offset: number }) {
  const q = opts.query?.trim();
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(
    pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
    opts.role ? eq(users.role, opts.role) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db.select().from(users).where(where).orderBy(asc(users.name), asc(users.id)).limit(opts.limit).offset(opts.offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { users: rows.map(toSummary), total: Number(total?.n ?? 0) };
}

export async function getUserSummary(db: Database, userId: string): Promise<UserSummary> {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  if (!row) throw new DomainError('USER_NOT_FOUND', 'No such user');
  return toSummary(row);
}

/** Changes a user's role and/or active state, ends their sessions when deactivated, and audits it. */
export async function changeUser(db: Database, actor: Actor, userId: string, change: UserChange): Promise<UserSummary> {
  return inTransaction(db, async (tx) => {
    // Lock the target row so two admins changing the same user serialize.
    const [target] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!target) throw new DomainError('USER_NOT_FOUND', 'No such user');
    const before = toSummary(target);
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
    const [updated] = await tx
      .update(users)
      .set({
        role: decision.role,
        banned: !decision.active,
        banReason: decision.active ? null : 'Deactivated by an admin',
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId))
      .returning();
    // A deactivated user is signed out everywhere at once.
    // …and their calendar feed URL stops working (a reactivated client gets a new one).
    if (!decision.active) {
      await tx.delete(sessions).where(eq(sessions.userId, userId));
      await revokeFeedToken(tx, userId);
    }
    const after = toSummary(updated!);
    if (before.role !== after.role) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'user.role_changed',
        targetType: 'user',
        targetId: updated!.id,
        before: { role: before.role },
        after: { role: after.role },
      });
    }
    if (before.active !== after.active) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: after.active ? 'user.reactivated' : 'user.deactivated',
        targetType: 'user',
        targetId: updated!.id,
        before: { active: before.active },
        after: { active: after.active },
      });
    }
    return after;
  });
}
