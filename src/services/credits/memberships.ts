import { and, desc, eq, gt, inArray, isNull, lt, or } from 'drizzle-orm';
import { format } from 'date-fns';
import type { Database, Tx } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { isUniqueViolation } from '../../db/errors';
import { creditGrants, creditTransactions, memberships, membershipPlans, users } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { decideMembershipAssignment } from '../../domain/credits/decide-membership-assignment';
import { decideMembershipChange } from '../../domain/credits/decide-membership-change';
import { pauseAsServed, type PausedDays } from '../../domain/credits/decide-paused-weeks';
import { DomainError } from '../../domain/shared/domain-error';
import { refuseInactiveUser } from '../../domain/users/refuse-inactive-user';
import { addLocalDays, localDateOf, startOfLocalDate, type LocalDate } from '../../domain/time/studio-week';
import { recordAudit } from '../audit/record-audit';
import { notifyUser } from '../notifications/notify-user';
import { loadSettings } from '../settings/settings-service';
import { allocateForMemberships } from './allocate-weekly-credits';
import { insertGrants } from './insert-grants';
import { loadMemberships, type MembershipView } from './membership-views';
import { settlePausedWeekCredits } from './paused-week-credits';

/** "Monday 2 March 2026" for messages to people. */
const spokenDate = (date: LocalDate) => format(new Date(`${date}T12:00:00Z`), 'EEEE d MMMM yyyy');

const ONE_TERM_PLAN_INDEX = 'memberships_one_term_plan_per_user_uq';

/** The database's partial unique index is the last word on "one term plan at a time" (two admins at once). */
function asConflict(error: unknown): unknown {
  return isUniqueViolation(error, ONE_TERM_PLAN_INDEX)
    ? new DomainError(
        'MEMBERSHIP_CONFLICT',
        'This client already has an active recurring or prepaid membership. Cancel it before starting another.',
      )
    : error;
}

export async function listUserMemberships(db: Database, userId: string): Promise<MembershipView[]> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) throw new DomainError('USER_NOT_FOUND', 'No such user');
  return loadMemberships(db, { userId });
}

export async function myMemberships(db: Database, userId: string): Promise<MembershipView[]> {
  return loadMemberships(db, { userId, heldOnly: true });
}

export interface StartMembershipInput {
  planId: string;
  startDate: LocalDate;
  paymentReference?: string | null;
  /** A Direct Debit still pending pays for it: only the first week's credits (ADR 0023). */
  provisional?: boolean;
}

/**
 * An admin gives a user a plan. In one transaction: the membership, its first credits (a pack's
 * credits, or the weekly grants of the current and bookable weeks), an audit entry and a
 * notification to the client.
 */
export async function assignMembership(
  db: Database,
  actor: Actor,
  userId: string,
  input: StartMembershipInput,
  now: Date,
): Promise<MembershipView> {
  try {
    return await inTransaction(db, (tx) => startMembership(tx, actor.id, userId, input, now));
  } catch (error) {
    throw asConflict(error);
  }
}

/**
 * Starts a membership inside the caller's transaction: an admin's assignment, or a payment the
 * provider confirmed (then `actorId` is null). Locks the user row first (ADR 0008 stage 2) so
 * two starts for one person run one after the other; the grants it creates are new rows.
 * A clash with the one-term-plan index surfaces as MEMBERSHIP_CONFLICT via `asConflict`.
 */
export async function startMembership(
  tx: Tx,
  actorId: string | null,
  userId: string,
  input: StartMembershipInput,
  now: Date,
): Promise<MembershipView> {
  // Serialise assignments for this user so the repeat-purchase check sees the other one.
  const [user] = await tx
    .select({ id: users.id, name: users.name, banned: users.banned })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  if (!user) throw new DomainError('USER_NOT_FOUND', 'No such user');
  const inactive = refuseInactiveUser({ name: user.name, active: !user.banned });
  if (inactive) throw inactive;
  const { 'studio.timezone': timeZone } = await loadSettings(tx);
  const [plan] = await tx.select().from(membershipPlans).where(eq(membershipPlans.id, input.planId));
  const existing = await loadMemberships(tx, { userId });
  const decision = decideMembershipAssignment(
    { plan: plan ? { ...plan, type: plan.type } : null, existing, today: localDateOf(now, timeZone) },
    { startDate: input.startDate },
  );
  if (decision instanceof DomainError) throw decision;
  const [row] = await tx
    .insert(memberships)
    .values({
      userId,
      planId: plan!.id,
      ...decision,
      paymentReference: input.paymentReference?.trim() || null,
      provisional: input.provisional ?? false,
      assignedBy: actorId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (decision.planType === 'PACK') {
    await insertGrants(
      tx,
      [
        {
          userId,
          membershipId: row!.id,
          source: 'PACK_PURCHASE',
          amount: plan!.totalCredits!,
          validFrom: startOfLocalDate(decision.startDate, timeZone),
          validUntil: decision.endDate ? startOfLocalDate(addLocalDays(decision.endDate, 1), timeZone) : null,
          weekStart: null,
          description: `${plan!.name} credits`,
        },
      ],
      { kind: 'GRANT', reasonCode: 'PACK_PURCHASE', actorId, now },
    );
  } else {
    await allocateForMemberships(tx, [row!.id], now);
  }
  const [view] = await loadMemberships(tx, { ids: [row!.id] });
  await recordAudit(tx, {
    actorId,
    action: 'membership.assigned',
    targetType: 'membership',
    targetId: row!.id,
    after: view,
  });
  await notifyUser(tx, {
    userId,
    feature: null,
    kind: 'membership_assigned',
    title: `Your ${plan!.name} membership is set up`,
    body: `It starts on ${spokenDate(decision.startDate)}. Your credits are ready to book with.`,
    link: '/membership',
    email: true,
    dedupeKey: `membership-assigned:${row!.id}`,
  });
  return view!;
}

/**
 * Cuts a membership's grants at the start of `fromDate`: grants that only cover later days lose
 * their unused credits (EXPIRE rows, reason MEMBERSHIP_CANCELLED); a grant running across that
 * moment ends there.
 */
export async function revokeGrantsFrom(
  tx: Tx,
  membershipId: string,
  fromDate: LocalDate,
  timeZone: string,
  actorId: string | null,
  now: Date,
) {
  const cut = startOfLocalDate(fromDate, timeZone);
  // Every grant of the membership in one sweep by id (ADR 0008): the later ones are zeroed here,
  // the earlier ones shortened below, which then waits for nothing.
  const locked = await tx
    .select({
      id: creditGrants.id,
      userId: creditGrants.userId,
      remaining: creditGrants.remaining,
      validFrom: creditGrants.validFrom,
    })
    .from(creditGrants)
    .where(eq(creditGrants.membershipId, membershipId))
    .orderBy(creditGrants.id)
    .for('update');
  const later = locked.filter((g) => g.validFrom >= cut && g.remaining > 0);
  if (later.length > 0) {
    const ids = later.map((g) => g.id);
    await tx.update(creditGrants).set({ remaining: 0 }).where(inArray(creditGrants.id, ids));
    // Each expiry is worded like its grant ("HIIT 10-pack"): the grant's first ledger row.
    const grantRows = await tx
      .select({ grantId: creditTransactions.grantId, description: creditTransactions.description })
      .from(creditTransactions)
      .where(and(inArray(creditTransactions.grantId, ids), eq(creditTransactions.kind, 'GRANT')))
      .orderBy(desc(creditTransactions.seq));
    const wordsOf = new Map(grantRows.map((r) => [r.grantId, r.description]));
    await tx.insert(creditTransactions).values(
      later.map((g) => ({
        userId: g.userId,
        grantId: g.id,
        kind: 'EXPIRE' as const,
        amount: -g.remaining,
        reasonCode: 'MEMBERSHIP_CANCELLED',
        description: wordsOf.get(g.id) ?? 'Credits',
        actorId,
        createdAt: now,
      })),
    );
  }
  await tx
    .update(creditGrants)
    .set({ validUntil: cut })
    .where(
      and(
        eq(creditGrants.membershipId, membershipId),
        lt(creditGrants.validFrom, cut),
        or(isNull(creditGrants.validUntil), gt(creditGrants.validUntil, cut)),
      ),
    );
}

/** Pause, resume or cancel (see decideMembershipChange), with the credits that follow from it. */
export async function changeMembershipStatus(
  db: Database,
  actor: Actor,
  membershipId: string,
  target: 'ACTIVE' | 'PAUSED' | 'CANCELLED',
  now: Date,
): Promise<MembershipView> {
  return inTransaction(db, (tx) => applyMembershipStatus(tx, actor.id, membershipId, target, now));
}

/**
 * changeMembershipStatus inside the caller's transaction (a payment event pauses or cancels too;
 * `actorId` is then null and `why` words the notification). Locks the membership row, then its
 * grants in one sweep by id (revokeGrantsFrom), as ADR 0008 orders them.
 */
export async function applyMembershipStatus(
  tx: Tx,
  actorId: string | null,
  membershipId: string,
  target: 'ACTIVE' | 'PAUSED' | 'CANCELLED',
  now: Date,
  why?: string,
): Promise<MembershipView> {
  const [row] = await tx.select().from(memberships).where(eq(memberships.id, membershipId)).for('update');
  if (!row) throw new DomainError('MEMBERSHIP_NOT_FOUND', 'That membership does not exist');
  if (target === 'ACTIVE') {
    // Resuming gives credits again; pausing and cancelling stay open (tidying up after a
    // deactivation). Read without locking the user: a deactivation racing this resume would
    // at worst leave a resumed plan on a closed account, which nobody can spend from.
    const [owner] = await tx
      .select({ name: users.name, banned: users.banned })
      .from(users)
      .where(eq(users.id, row.userId));
    const inactive = owner ? refuseInactiveUser({ name: owner.name, active: !owner.banned }) : null;
    if (inactive) throw inactive;
  }
  return applyStatusChange(tx, actorId, row, target, now, why);
}

/**
 * Applies a status change to a membership row locked by the caller (FOR UPDATE), with its credits,
 * audit entry and notification. `actorId` is null when the pause job or a payment event acts.
 */
export async function applyStatusChange(
  tx: Tx,
  actorId: string | null,
  row: typeof memberships.$inferSelect,
  target: 'ACTIVE' | 'PAUSED' | 'CANCELLED',
  now: Date,
  why?: string,
): Promise<MembershipView> {
  const { 'studio.timezone': timeZone } = await loadSettings(tx);
  const today = localDateOf(now, timeZone);
  const change = decideMembershipChange(
    {
      planType: row.planType,
      status: row.status,
      startDate: row.startDate,
      endDate: row.endDate,
      pausedOn: row.pausedOn,
    },
    target,
    today,
  );
  if (change instanceof DomainError) throw change;
  const [before] = await loadMemberships(tx, { ids: [row.id] });
  await tx
    .update(memberships)
    .set({
      status: change.status,
      endDate: change.endDate,
      pausedOn: change.pausedOn,
      // A pause booked for dates ends with any resume or cancellation (the job must not pause it again).
      ...(target === 'PAUSED' ? {} : { pauseFrom: null, pauseUntil: null, pauseReason: null }),
      updatedAt: now,
    })
    .where(eq(memberships.id, row.id));
  // The weeks a booked pause holds wholly lose their unused credits; a resume gives back those of
  // the weeks it no longer holds (ADR 0026). Before allocating, which then fills the weeks never granted.
  const booked: PausedDays | null =
    row.pauseFrom && row.pauseUntil ? { from: row.pauseFrom, until: row.pauseUntil } : null;
  if (target === 'PAUSED' && booked) await settlePausedWeekCredits(tx, row.id, booked, today, actorId, now);
  if (target === 'ACTIVE') await settlePausedWeekCredits(tx, row.id, pauseAsServed(booked, today), today, actorId, now);
  if (change.revokeFrom) await revokeGrantsFrom(tx, row.id, change.revokeFrom, timeZone, actorId, now);
  if (change.allocate) await allocateForMemberships(tx, [row.id], now);
  const [after] = await loadMemberships(tx, { ids: [row.id] });
  const verb = { ACTIVE: 'resumed', PAUSED: 'paused', CANCELLED: 'cancelled' }[target];
  await recordAudit(tx, {
    actorId,
    action: `membership.${verb}`,
    targetType: 'membership',
    targetId: row.id,
    before,
    after,
  });
  await notifyUser(tx, {
    userId: row.userId,
    feature: null,
    kind: `membership_${verb}`,
    title: `Your ${after!.planName} membership has been ${verb}`,
    body:
      (why ? `${why} ` : '') +
      (target === 'CANCELLED'
        ? `Your last day is ${spokenDate(after!.endDate!)}. Credits for later days have been removed.`
        : target === 'PAUSED'
          ? row.pauseUntil
            ? `Your credits are on hold until ${spokenDate(row.pauseUntil)}, and whole weeks inside the pause get no weekly credits; it resumes by itself the day after.`
            : 'Your credits are on hold and no new weekly credits are added until it resumes.'
          : 'Your weekly credits are back and ready to book with.'),
    link: '/membership',
    email: true,
  });
  return after!;
}
