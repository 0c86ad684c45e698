import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { DomainError } from '../../domain/shared/domain-error';
import { rowsOf } from './transaction';

/** A session's coach must be an active COACH or ADMIN account. */
export async function assertCoach(db: Executor, coachId: string): Promise<{ id: string; name: string }> {
  const result = await db.execute(sql`SELECT id, name, role, banned FROM "user" WHERE id = ${coachId}`);
  const user = rowsOf<{ id: string; name: string; role: string; banned: boolean }>(result)[0];
  if (!user || user.banned || (user.role !== 'COACH' && user.role !== 'ADMIN')) {
    throw new DomainError('INVALID_COACH', 'Choose an active coach or admin to lead this class');
  }
  return { id: user.id, name: user.name };
}

/** Postgres unique violation (e.g. the one-session-per-slot index). */
export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if ((current as { code?: unknown }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
