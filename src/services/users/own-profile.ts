import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { clientProfiles, users } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { DomainError } from '../../domain/shared/domain-error';
import { recordAudit } from '../audit/record-audit';
import { writeProfileFields, type ClientProfileInput } from './client-profile';

/** A person's own profile: read and written only for the signed-in person, never another's. */
export async function loadOwnProfile(db: Executor, userId: string) {
  const [row] = await db
    .select({ phone: users.phone, profile: clientProfiles })
    .from(users)
    .leftJoin(clientProfiles, eq(clientProfiles.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) throw new DomainError('USER_NOT_FOUND', 'No such person');
  const p = row.profile;
  return {
    phone: row.phone,
    emergencyContactName: p?.emergencyContactName ?? null,
    emergencyContactPhone: p?.emergencyContactPhone ?? null,
    dateOfBirth: p?.dateOfBirth ?? null,
    healthNotes: p?.healthNotes ?? null,
    updatedAt: p?.updatedAt ?? null,
  };
}

/**
 * A client keeps their own phone, emergency contact, date of birth and health notes up to date.
 * Audited like a staff edit (the field names, never the values), with the client as the actor.
 * Their user row is locked first, so two saves from two devices apply one after the other.
 */
export async function saveOwnProfile(
  db: Database,
  actor: Actor,
  input: ClientProfileInput & { phone: string },
  now: Date,
) {
  await inTransaction(db, async (tx) => {
    const [me] = await tx.select({ phone: users.phone }).from(users).where(eq(users.id, actor.id)).for('update');
    if (!me) throw new DomainError('USER_NOT_FOUND', 'No such person');
    const changed = await writeProfileFields(tx, actor.id, actor.id, input, now);
    const phone = input.phone || null;
    if (me.phone !== phone) {
      await tx.update(users).set({ phone, updatedAt: now }).where(eq(users.id, actor.id));
      changed.unshift('phone');
    }
    if (changed.length === 0) return;
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'client.profile_changed',
      targetType: 'user',
      targetId: actor.id,
      after: { fields: changed },
    });
  });
  return loadOwnProfile(db, actor.id);
}
