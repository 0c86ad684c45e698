import { desc, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { isUniqueViolation } from '../../db/errors';
import { users, waiverAcceptances, waiverVersions } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { DomainError } from '../../domain/shared/domain-error';
import { recordAudit } from '../audit/record-audit';

async function latestVersion(db: Executor) {
  const [row] = await db.select().from(waiverVersions).orderBy(desc(waiverVersions.version)).limit(1);
  return row;
}

/** The latest waiver version `userId` accepted, and when. */
export async function latestAcceptance(db: Executor, userId: string) {
  const [row] = await db
    .select({ version: waiverAcceptances.version, acceptedAt: waiverAcceptances.acceptedAt })
    .from(waiverAcceptances)
    .where(eq(waiverAcceptances.userId, userId))
    .orderBy(desc(waiverAcceptances.version))
    .limit(1);
  return row ?? null;
}

/** The current waiver (version 0 and no text when the studio asks for none) and `userId`'s acceptance. */
export async function loadWaiver(db: Executor, userId: string) {
  const [latest, accepted] = await Promise.all([latestVersion(db), latestAcceptance(db, userId)]);
  const asked = latest && latest.text !== '';
  return {
    version: asked ? latest.version : 0,
    text: asked ? latest.text : '',
    publishedAt: asked ? latest.publishedAt : null,
    accepted,
  };
}

/**
 * The admin publishes a new waiver text as the next version (audited); every client accepts it
 * again before their next booking. An empty text stops asking. Two admins publishing at once:
 * the version's primary key lets one win, the other is asked to look again.
 */
export async function publishWaiver(db: Database, actor: Actor, text: string, now: Date) {
  try {
    await inTransaction(db, async (tx) => {
      const latest = await latestVersion(tx);
      const version = (latest?.version ?? 0) + 1;
      await tx.insert(waiverVersions).values({ version, text, publishedBy: actor.id, publishedAt: now });
      await recordAudit(tx, {
        actorId: actor.id,
        action: text ? 'waiver.published' : 'waiver.removed',
        targetType: 'waiver',
        targetId: String(version),
        before: latest ? { version: latest.version } : null,
        after: { version },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError('CONFLICT', 'Someone published a waiver at the same moment. Reload and try again.');
    throw error;
  }
  return loadWaiver(db, actor.id);
}

/** The client accepts the version they read; a newer one published meanwhile must be read first. */
export async function acceptWaiver(db: Database, actor: Actor, version: number, now: Date) {
  await inTransaction(db, async (tx) => {
    const latest = await latestVersion(tx);
    if (!latest || latest.text === '' || latest.version !== version)
      throw new DomainError('WAIVER_CHANGED', 'The waiver has changed since you opened it. Please read it again.');
    await tx.insert(waiverAcceptances).values({ userId: actor.id, version, acceptedAt: now }).onConflictDoNothing();
    // The session lookup reads this column, so the booking check costs no query (ADR 0021).
    await tx.update(users).set({ waiverVersion: version }).where(eq(users.id, actor.id));
  });
  return loadWaiver(db, actor.id);
}
