import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { DomainError } from '../../domain/shared/domain-error';
import { rowsOf } from '../../db/rows';

/** A session's coach must be an active COACH or ADMIN account. */
export async function assertCoach(db: Executor, coachId: string): Promise<{ id: string; name: string }> {
  const result = await db.execute(sql`SELECT id, name, role, banned FROM "user" WHERE id = ${coachId}`);
  const user = rowsOf<{ id: string; name: string; role: string; banned: boolean }>(result)[0];
  if (!user || user.banned || (user.role !== 'COACH' && user.role !== 'ADMIN')) {
    throw new DomainError('INVALID_COACH', 'Choose an active coach or admin to lead this class');
  }
  return { id: user.id, name: user.name };
}
