import { eq } from 'drizzle-orm';
import type { Database, Executor, Tx } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { clientProfiles, users } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { DomainError } from '../../domain/shared/domain-error';
import { recordAudit } from '../audit/record-audit';
import { latestAcceptance, loadWaiver } from './waiver';

export interface ClientProfileInput {
  emergencyContactName: string;
  emergencyContactPhone: string;
  dateOfBirth: string;
  healthNotes: string;
}

/** A client's profile as staff see it (routes: staff only). */
export async function loadClientProfile(db: Executor, userId: string) {
  const [row] = await db
    .select({ user: users, profile: clientProfiles })
    .from(users)
    .leftJoin(clientProfiles, eq(clientProfiles.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) throw new DomainError('USER_NOT_FOUND', 'No such client');
  const [accepted, waiver] = await Promise.all([latestAcceptance(db, userId), loadWaiver(db, userId)]);
  const p = row.profile;
  return {
    id: row.user.id,
    name: row.user.name,
    email: row.user.email,
    phone: row.user.phone,
    emergencyContactName: p?.emergencyContactName ?? null,
    emergencyContactPhone: p?.emergencyContactPhone ?? null,
    dateOfBirth: p?.dateOfBirth ?? null,
    healthNotes: p?.healthNotes ?? null,
    waiverAccepted: accepted,
    currentWaiver: waiver.version,
    updatedAt: p?.updatedAt ?? null,
  };
}

/**
 * Writes the profile row (locked, so two saves at once each see the other's result) and returns
 * the names of the fields that changed — what the audit entry keeps, never the values.
 */
export async function writeProfileFields(
  tx: Tx,
  actorId: string,
  userId: string,
  input: ClientProfileInput,
  now: Date,
): Promise<string[]> {
  const next = {
    emergencyContactName: input.emergencyContactName || null,
    emergencyContactPhone: input.emergencyContactPhone || null,
    dateOfBirth: input.dateOfBirth || null,
    healthNotes: input.healthNotes || null,
  };
  const [current] = await tx.select().from(clientProfiles).where(eq(clientProfiles.userId, userId)).for('update');
  const changed = (Object.keys(next) as Array<keyof typeof next>).filter((k) => (current?.[k] ?? null) !== next[k]);
  if (changed.length === 0) return [];
  await tx
    .insert(clientProfiles)
    .values({ userId, ...next, updatedBy: actorId, updatedAt: now })
    .onConflictDoUpdate({ target: clientProfiles.userId, set: { ...next, updatedBy: actorId, updatedAt: now } });
  return changed;
}

/**
 * Staff write down a client's emergency contact, date of birth and health notes. Audited by the
 * names of the fields that changed, never their values: health notes stay on the profile.
 */
export async function saveClientProfile(
  db: Database,
  actor: Actor,
  userId: string,
  input: ClientProfileInput,
  now: Date,
) {
  await inTransaction(db, async (tx) => {
    const [person] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!person) throw new DomainError('USER_NOT_FOUND', 'No such client');
    const changed = await writeProfileFields(tx, actor.id, userId, input, now);
    if (changed.length === 0) return;
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'client.profile_changed',
      targetType: 'user',
      targetId: userId,
      after: { fields: changed },
    });
  });
  return loadClientProfile(db, userId);
}
