import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { users } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Auth } from './create-auth';

/**
 * How a real studio gets its first admin: ADMIN_EMAIL + ADMIN_PASSWORD at start-up make sure
 * that account exists, is active and is an ADMIN. An existing account keeps its password.
 */
export async function ensureAdminAccount(
  db: Database,
  auth: Auth,
  admin: { email: string; password: string; name: string },
) {
  const email = admin.email.toLowerCase();
  let [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) {
    await auth.api.signUpEmail({ body: { email, password: admin.password, name: admin.name } });
    [user] = await db.select().from(users).where(eq(users.email, email));
  }
  if (!user) throw new Error(`Could not create the admin account ${email}`);
  if (user.role !== 'ADMIN' || user.banned) {
    await db.transaction(async (tx) => {
      await tx.update(users).set({ role: 'ADMIN', banned: false, banReason: null }).where(eq(users.id, user.id));
      await recordAudit(tx, {
        actorId: null,
        action: 'user.admin_ensured',
        targetType: 'user',
        targetId: user.id,
        before: { role: user.role, active: !user.banned },
        after: { role: 'ADMIN', active: true },
      });
    });
  }
}
