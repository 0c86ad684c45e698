import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { users } from '../../db/schema';
import type { Feature } from '../../domain/settings/setting-definitions';
import { notifyUser } from './notify-user';

/**
 * Tells every active admin (bell + email) something that needs a person, once per `key`: each
 * admin's notification carries the dedupe key `key:adminId`, whose unique index makes a second
 * job run, instance or retry a no-op.
 */
export async function notifyEveryAdmin(
  tx: Executor,
  key: string,
  message: { feature: Feature | null; kind: string; title: string; body: string; link: string },
): Promise<number> {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'ADMIN'), eq(users.banned, false)));
  let sent = 0;
  for (const admin of admins) {
    if (await notifyUser(tx, { userId: admin.id, ...message, email: true, dedupeKey: `${key}:${admin.id}` })) sent++;
  }
  return sent;
}
