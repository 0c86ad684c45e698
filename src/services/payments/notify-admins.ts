import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { users } from '../../db/schema';
import { notifyUser } from '../notifications/notify-user';

/** Tells every active admin (bell + email), once per `key`. */
export async function notifyAdmins(tx: Tx, key: string, message: { title: string; body: string; link: string }) {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'ADMIN'), eq(users.banned, false)));
  for (const admin of admins) {
    await notifyUser(tx, {
      userId: admin.id,
      feature: null,
      kind: 'payment_attention',
      ...message,
      email: true,
      dedupeKey: `${key}:${admin.id}`,
    });
  }
}
