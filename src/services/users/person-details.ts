import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { isUniqueViolation } from '../../db/errors';
import { users } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { recordAudit } from '../audit/record-audit';
import { emailTaken, lockPerson } from './invite-person';
import { loadUserSummary, type UserSummary } from './user-summary';

export interface PersonDetails {
  name: string;
  email: string;
  phone: string;
}

/**
 * An admin corrects a person's name, email or phone — e.g. gives a coach imported without an
 * email (a `.invalid` placeholder, ADR 0015) a real address before inviting them. Audited with
 * the fields that changed, before and after. They sign in with the new email from then on.
 */
export async function updatePersonDetails(
  db: Database,
  actor: Actor,
  userId: string,
  details: PersonDetails,
  now: Date,
): Promise<UserSummary> {
  const next = { name: details.name, email: details.email, phone: details.phone || null };
  try {
    await inTransaction(db, async (tx) => {
      const current = await lockPerson(tx, userId);
      const keys = (['name', 'email', 'phone'] as const).filter((k) => current[k] !== next[k]);
      if (keys.length === 0) return;
      await tx
        .update(users)
        .set({ ...next, updatedAt: now })
        .where(eq(users.id, userId));
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'user.details_changed',
        targetType: 'user',
        targetId: userId,
        before: Object.fromEntries(keys.map((k) => [k, current[k]])),
        after: Object.fromEntries(keys.map((k) => [k, next[k]])),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'user_email_unique')) throw emailTaken(details.email);
    throw error;
  }
  return loadUserSummary(db, userId);
}
