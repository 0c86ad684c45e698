import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { users } from '../../db/schema';

/** Active coaches and admins, by name: who can lead a class or coach a cohort. */
export async function listStaff(db: Database) {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(inArray(users.role, ['COACH', 'ADMIN']), eq(users.banned, false)))
    .orderBy(asc(users.name), asc(users.id));
}
