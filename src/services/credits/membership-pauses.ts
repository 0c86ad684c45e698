import { and, eq, isNotNull, lt, lte, or, gte } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { memberships } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { decideScheduledPause, duePauseStep, type PauseDates } from '../../domain/credits/decide-scheduled-pause';
import { DomainError } from '../../domain/shared/domain-error';
import { localDateOf } from '../../domain/time/studio-week';
import { recordAudit } from '../audit/record-audit';
import { loadSettings } from '../settings/settings-service';
import { applyStatusChange } from './memberships';
import { loadMemberships, type MembershipView } from './membership-views';
import { settlePausedWeekCredits } from './paused-week-credits';

/**
 * Staff book a pause for dates. The row is locked so a booking and a status change (or the job)
 * of the same membership happen one after the other; then its grants (settlePausedWeekCredits).
 * A pause from today starts at once; a later one is started by runMembershipPauses.
 */
export async function schedulePause(
  db: Database,
  actor: Actor,
  membershipId: string,
  dates: PauseDates,
  now: Date,
): Promise<MembershipView> {
  return inTransaction(db, async (tx) => {
    const [row] = await tx.select().from(memberships).where(eq(memberships.id, membershipId)).for('update');
    if (!row) throw new DomainError('MEMBERSHIP_NOT_FOUND', 'That membership does not exist');
    const today = localDateOf(now, (await loadSettings(tx))['studio.timezone']);
    const decision = decideScheduledPause(row, dates, today);
    if (decision instanceof DomainError) throw decision;
    const [updated] = await tx
      .update(memberships)
      .set({ pauseFrom: dates.from, pauseUntil: dates.until, pauseReason: dates.reason.trim(), updatedAt: now })
      .where(eq(memberships.id, row.id))
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'membership.pause_scheduled',
      targetType: 'membership',
      targetId: row.id,
      before: { pauseFrom: row.pauseFrom, pauseUntil: row.pauseUntil, pauseReason: row.pauseReason },
      after: { pauseFrom: dates.from, pauseUntil: dates.until, pauseReason: dates.reason.trim() },
    });
    // Weeks wholly inside the new dates lose their unused credits; weeks a previous booking of
    // this pause took and the new dates no longer hold get them back (ADR 0026).
    await settlePausedWeekCredits(tx, row.id, { from: dates.from, until: dates.until }, today, actor.id, now);
    if (decision.startsNow) return applyStatusChange(tx, actor.id, updated!, 'PAUSED', now);
    const [view] = await loadMemberships(tx, { ids: [row.id] });
    return view!;
  });
}

/**
 * The job: starts booked pauses whose first day has come and resumes those whose last day has
 * passed. Idempotent with every instance running it: each membership is locked and its step
 * decided again under the lock (duePauseStep), so a second instance finds nothing left to do.
 */
export async function runMembershipPauses(db: Database, now: Date): Promise<{ paused: number; resumed: number }> {
  const today = localDateOf(now, (await loadSettings(db))['studio.timezone']);
  const due = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        isNotNull(memberships.pauseFrom),
        or(
          and(eq(memberships.status, 'ACTIVE'), lte(memberships.pauseFrom, today), gte(memberships.pauseUntil, today)),
          and(eq(memberships.status, 'PAUSED'), lt(memberships.pauseUntil, today)),
        ),
      ),
    )
    .limit(500);
  let paused = 0;
  let resumed = 0;
  for (const { id } of due) {
    const step = await inTransaction(db, async (tx) => {
      const [row] = await tx.select().from(memberships).where(eq(memberships.id, id)).for('update');
      const next = row ? duePauseStep(row, today) : null;
      if (!row || !next) return null;
      await applyStatusChange(tx, null, row, next === 'PAUSE' ? 'PAUSED' : 'ACTIVE', now);
      return next;
    });
    if (step === 'PAUSE') paused++;
    if (step === 'RESUME') resumed++;
  }
  return { paused, resumed };
}
