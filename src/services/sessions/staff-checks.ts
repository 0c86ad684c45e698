import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { users } from '../../db/schema';
import { DomainError } from '../../domain/shared/domain-error';

/** A session's coach must be an active COACH or ADMIN account. */
export async function assertCoach(db: Executor, coachId: string): Promise<{ id: string; name: string }> {
  const [user] = await db
    .select({ id: users.id, name: users.name, role: users.role, banned: users.banned })
    .from(users)
    .where(eq(users.id, coachId));
  if (!user || user.banned || (user.role !== 'COACH' && user.role !== 'ADMIN')) {
    throw new DomainError('INVALID_COACH', 'Choose an active coach or admin to lead this class');
  }
  return { id: user.id, name: user.name };
}
