import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { cohortMemberships, cohorts, users } from '../../db/schema';
import type { Actor, Role } from '../../domain/access/roles';
import type { MembershipStatus } from '../../domain/cohorts/cohort-status';
import { decideEnrolment } from '../../domain/cohorts/decide-enrolment';
import { DomainError } from '../../domain/shared/domain-error';
import { refuseInactiveUser } from '../../domain/users/refuse-inactive-user';
import { localDateOf } from '../../domain/time/studio-week';
import { recordAudit } from '../audit/record-audit';
import { notifyUser } from '../notifications/notify-user';
import { loadCohortAsCoach, loadPromptsInForce, studioTimeZone } from './cohort-context';
import { MY_COHORT_LINK, welcomeMessage } from './cohort-messages';
import { isUniqueViolation } from '../../db/errors';

export interface MembershipView {
  userId: string;
  name: string;
  email: string;
  status: MembershipStatus;
  joinedAt: Date;
  leftAt: Date | null;
  /** This client's own cadence, or null when the cohort's applies. */
  checkInCadenceDays: number | null;
}

async function membershipView(tx: Tx, cohortId: string, userId: string): Promise<MembershipView> {
  const [row] = await tx
    .select({ m: cohortMemberships, name: users.name, email: users.email })
    .from(cohortMemberships)
    .innerJoin(users, eq(users.id, cohortMemberships.userId))
    .where(and(eq(cohortMemberships.cohortId, cohortId), eq(cohortMemberships.userId, userId)));
  if (!row) throw new DomainError('NOT_IN_COHORT', 'That client is not a member of this cohort');
  const { m } = row;
  return {
    userId,
    name: row.name,
    email: row.email,
    status: m.status,
    joinedAt: m.joinedAt,
    leftAt: m.leftAt,
    checkInCadenceDays: m.checkInCadenceDays,
  };
}

/** The client's current (active or paused) cohort, if any. */
async function currentMembershipOf(tx: Tx | Database, userId: string) {
  const [row] = await tx
    .select({ cohortId: cohorts.id, cohortName: cohorts.name })
    .from(cohortMemberships)
    .innerJoin(cohorts, eq(cohorts.id, cohortMemberships.cohortId))
    .where(and(eq(cohortMemberships.userId, userId), inArray(cohortMemberships.status, ['ACTIVE', 'PAUSED'])));
  return row ?? null;
}

/**
 * A coach of the cohort (or an admin) enrols a client. The cohort row is locked (capacity) and
 * then the client's user row (so two enrolments of one client queue and the second sees the
 * first); the partial unique index `cohort_memberships_one_current_uq` is the last word if
 * anything slips past. Re-enrolling a client who left reuses their row and keeps their data.
 */
export async function enrolMember(
  db: Database,
  actor: Actor,
  cohortId: string,
  input: { userId: string; checkInCadenceDays?: number | null },
  now: Date,
): Promise<MembershipView> {
  try {
    return await inTransaction(db, async (tx) => {
      const { cohort } = await loadCohortAsCoach(tx, actor, cohortId, { forUpdate: true });
      const [client] = await tx.select().from(users).where(eq(users.id, input.userId)).for('no key update');
      const [members] = await tx
        .select({ n: count() })
        .from(cohortMemberships)
        .where(and(eq(cohortMemberships.cohortId, cohortId), inArray(cohortMemberships.status, ['ACTIVE', 'PAUSED'])));
      const timeZone = await studioTimeZone(tx);
      const decision = decideEnrolment({
        cohort: { ...cohort, status: cohort.status },
        today: localDateOf(now, timeZone),
        currentMembers: Number(members?.n ?? 0),
        client: client ? { name: client.name, role: client.role as Role, active: !client.banned } : null,
        currentMembership: await currentMembershipOf(tx, input.userId),
      });
      if (decision instanceof DomainError) throw decision;
      const [membership] = await tx
        .insert(cohortMemberships)
        .values({
          cohortId,
          userId: input.userId,
          status: 'ACTIVE',
          joinedAt: now,
          addedBy: actor.id,
          checkInCadenceDays: input.checkInCadenceDays ?? null,
        })
        .onConflictDoUpdate({
          target: [cohortMemberships.cohortId, cohortMemberships.userId],
          set: {
            status: 'ACTIVE',
            joinedAt: now,
            leftAt: null,
            addedBy: actor.id,
            checkInCadenceDays: input.checkInCadenceDays ?? null,
          },
          setWhere: sql`${cohortMemberships.status} IN ('WITHDRAWN', 'COMPLETED')`,
        })
        .returning();
      if (!membership) throw new DomainError('COHORT_CONFLICT', `${client!.name} is already in ${cohort.name}`);
      const welcome = welcomeMessage({
        cohortName: cohort.name,
        startDate: cohort.startDate,
        endDate: cohort.endDate,
        weeks: cohort.weeks,
        cadenceDays: membership.checkInCadenceDays ?? cohort.checkInCadenceDays,
        prompts: await loadPromptsInForce(tx, cohortId),
        opensDaysBeforeWeekEnd: cohort.questionnaireOpensDaysBeforeWeekEnd,
      });
      await notifyUser(tx, {
        userId: input.userId,
        feature: 'cohorts',
        kind: 'cohort_welcome',
        ...welcome,
        link: MY_COHORT_LINK,
        email: true,
        dedupeKey: `cohort-welcome:${membership.id}:${now.getTime()}`,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'cohort.member_enrolled',
        targetType: 'cohort',
        targetId: cohort.id,
        after: { userId: membership.userId },
      });
      return membershipView(tx, cohortId, input.userId);
    });
  } catch (error) {
    if (!isUniqueViolation(error, 'cohort_memberships_one_current_uq')) throw error;
    // Lost a race with a concurrent enrolment of the same client into another cohort.
    const other = await currentMembershipOf(db, input.userId);
    throw new DomainError(
      'COHORT_CONFLICT',
      `That client is already in the cohort "${other?.cohortName ?? 'another cohort'}"`,
    );
  }
}

/** Withdraws a client: the membership is kept (WITHDRAWN) with all their data. */
export async function withdrawMember(
  db: Database,
  actor: Actor,
  cohortId: string,
  userId: string,
  now: Date,
): Promise<MembershipView> {
  return inTransaction(db, async (tx) => {
    const { cohort } = await loadCohortAsCoach(tx, actor, cohortId, { forUpdate: true });
    const updated = await tx
      .update(cohortMemberships)
      .set({ status: 'WITHDRAWN', leftAt: now })
      .where(
        and(
          eq(cohortMemberships.cohortId, cohortId),
          eq(cohortMemberships.userId, userId),
          inArray(cohortMemberships.status, ['ACTIVE', 'PAUSED']),
        ),
      )
      .returning({ id: cohortMemberships.id, userId: cohortMemberships.userId });
    if (updated.length === 0) {
      const view = await membershipView(tx, cohortId, userId); // 404 NOT_IN_COHORT when never a member
      throw new DomainError('NOT_IN_COHORT', `${view.name} is no longer in this cohort`);
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'cohort.member_withdrawn',
      targetType: 'cohort',
      targetId: cohort.id,
      after: { userId: updated[0]!.userId },
    });
    return membershipView(tx, cohortId, userId);
  });
}

/** Pauses or resumes a member, or sets their own check-in cadence (null = the cohort's). */
export async function updateMember(
  db: Database,
  actor: Actor,
  cohortId: string,
  userId: string,
  change: { status?: 'ACTIVE' | 'PAUSED'; checkInCadenceDays?: number | null },
): Promise<MembershipView> {
  return inTransaction(db, async (tx) => {
    await loadCohortAsCoach(tx, actor, cohortId, { forUpdate: true });
    const current = await membershipView(tx, cohortId, userId);
    if (current.status !== 'ACTIVE' && current.status !== 'PAUSED') {
      throw new DomainError('NOT_IN_COHORT', `${current.name} is no longer in this cohort`);
    }
    if (change.status === 'ACTIVE' && current.status !== 'ACTIVE') {
      const [client] = await tx.select({ banned: users.banned }).from(users).where(eq(users.id, userId));
      const inactive = refuseInactiveUser({ name: current.name, active: client?.banned !== true });
      if (inactive) throw inactive;
    }
    await tx
      .update(cohortMemberships)
      .set({
        ...(change.status ? { status: change.status } : {}),
        ...(change.checkInCadenceDays !== undefined ? { checkInCadenceDays: change.checkInCadenceDays } : {}),
      })
      .where(and(eq(cohortMemberships.cohortId, cohortId), eq(cohortMemberships.userId, userId)));
    return membershipView(tx, cohortId, userId);
  });
}
