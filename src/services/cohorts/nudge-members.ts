import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { cohortMemberships, cohortNudges, users } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { selectNudgeTargets, type NudgeRequest, type NudgeSkipReason } from '../../domain/cohorts/select-nudge-targets';
import { DomainError } from '../../domain/shared/domain-error';
import { localDateOf } from '../../domain/time/studio-week';
import { notifyUser } from '../notifications/notify-user';
import { loadCohortAsCoach, loadUsers, studioTimeZone } from './cohort-context';
import { MY_COHORT_LINK } from './cohort-messages';
import { loadLastCheckInDates } from './member-stats';

export interface NudgeResult {
  nudged: Array<{ userId: string; name: string }>;
  skipped: Array<{ userId: string; name: string | null; reason: NudgeSkipReason }>;
}

/**
 * A coach nudges named members, or every active member who has not checked in for N days, to
 * enter their health data: an in-app notification and an email. At most one nudge per client
 * per studio-local day: the unique (user, day) row is claimed first, and a client whose row
 * already exists — from an earlier nudge or a concurrent one — is reported as skipped.
 */
export async function nudgeMembers(
  db: Database,
  actor: Actor,
  cohortId: string,
  request: NudgeRequest & { message?: string },
  now: Date,
): Promise<NudgeResult> {
  return inTransaction(db, async (tx) => {
    const { cohort } = await loadCohortAsCoach(tx, actor, cohortId);
    const today = localDateOf(now, await studioTimeZone(tx));
    const members = await tx
      .select({ userId: cohortMemberships.userId, status: cohortMemberships.status })
      .from(cohortMemberships)
      .where(eq(cohortMemberships.cohortId, cohortId));
    const last = await loadLastCheckInDates(
      tx,
      members.map((m) => m.userId),
      today,
    );
    const selection = selectNudgeTargets(
      members.map((m) => ({
        userId: m.userId,
        active: m.status === 'ACTIVE',
        lastCheckInDate: last.get(m.userId) ?? null,
      })),
      'userIds' in request ? { userIds: request.userIds } : { notCheckedInForDays: request.notCheckedInForDays },
      today,
    );
    if (selection instanceof DomainError) throw selection;
    const names = await loadUsers(tx, [...selection.targets, ...selection.skipped.map((s) => s.userId)]);
    const [coach] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id));
    const result: NudgeResult = {
      nudged: [],
      skipped: selection.skipped.map((s) => ({ ...s, name: names.get(s.userId)?.name ?? null })),
    };
    const message = request.message?.trim() || null;
    // One order for everyone, so two concurrent nudges claim (user, day) rows without deadlocking.
    for (const userId of [...selection.targets].sort()) {
      const claimed = await tx
        .insert(cohortNudges)
        .values({ cohortId, userId, day: today, sentBy: actor.id, message, createdAt: now })
        .onConflictDoNothing({ target: [cohortNudges.userId, cohortNudges.day] })
        .returning({ id: cohortNudges.id });
      const name = names.get(userId)?.name ?? '';
      if (claimed.length === 0) {
        result.skipped.push({ userId, name, reason: 'ALREADY_NUDGED_TODAY' });
        continue;
      }
      await notifyUser(tx, {
        userId,
        feature: 'cohorts',
        kind: 'cohort_nudge',
        title: `${coach?.name ?? 'Your coach'}: time to check in`,
        body: message ?? `Your coach in ${cohort.name} would like to see today's check-in. It takes a minute.`,
        link: MY_COHORT_LINK,
        email: true,
        dedupeKey: `cohort-nudge:${userId}:${today}`,
      });
      result.nudged.push({ userId, name });
    }
    return result;
  });
}
