import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, users } from '../../db/schema';
import { isRole, type Role } from '../../domain/access/roles';
import { DomainError } from '../../domain/shared/domain-error';

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  role: Role;
  active: boolean;
  hasSignIn: boolean;
  createdAt: Date;
}

/** The user row plus whether they can sign in (a password or a Google account). */
export const userWithSignIn = {
  user: users,
  // Spelled out: drizzle writes the columns of a select list unqualified, and "id" would be the account's.
  hasSignIn: sql<boolean>`exists (select 1 from ${accounts} where ${accounts.userId} = "user"."id")`,
};

export function toSummary(row: { user: typeof users.$inferSelect; hasSignIn: boolean }): UserSummary {
  const u = row.user;
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    phone: u.phone,
    role: isRole(u.role) ? u.role : 'CLIENT',
    active: !u.banned,
    hasSignIn: Boolean(row.hasSignIn),
    createdAt: u.createdAt,
  };
}

export async function loadUserSummary(db: Executor, userId: string): Promise<UserSummary> {
  const [row] = await db.select(userWithSignIn).from(users).where(eq(users.id, userId));
  if (!row) throw new DomainError('USER_NOT_FOUND', 'No such user');
  return toSummary(row);
}
