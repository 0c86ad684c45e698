import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { memberships, membershipPlans, users } from '../../db/schema';
import type { MembershipStatus, PlanType } from '../../domain/credits/plan-types';
import { type LocalDate } from '../../domain/time/studio-week';
import { commitmentEndsOn } from '../../domain/credits/commitment';

export interface MembershipView {
  id: string;
  userId: string;
  planId: string;
  planName: string;
  planType: PlanType;
  status: MembershipStatus;
  startDate: LocalDate;
  endDate: LocalDate | null;
  pausedOn: LocalDate | null;
  /** A pause booked for dates (until = last paused day). */
  pause: { from: LocalDate; until: LocalDate; reason: string } | null;
  /** For recurring plans with a commitment: the first day the client may leave without breaking it. */
  commitmentEndsOn: LocalDate | null;
  creditsPerWeek: number | null;
  totalCredits: number | null;
  paymentReference: string | null;
  assignedByName: string | null;
  createdAt: Date;
}

/** Memberships with their plan, newest first. `heldOnly` = active or paused (what the client has now). */
export async function loadMemberships(
  db: Executor,
  filter: { userId?: string; ids?: string[]; heldOnly?: boolean },
): Promise<MembershipView[]> {
  const rows = await db
    .select({ m: memberships, plan: membershipPlans, assignedByName: users.name })
    .from(memberships)
    .innerJoin(membershipPlans, eq(membershipPlans.id, memberships.planId))
    .leftJoin(users, eq(users.id, memberships.assignedBy))
    .where(
      and(
        filter.userId ? eq(memberships.userId, filter.userId) : undefined,
        filter.ids ? inArray(memberships.id, filter.ids) : undefined,
        filter.heldOnly ? inArray(memberships.status, ['ACTIVE', 'PAUSED']) : undefined,
      ),
    )
    .orderBy(desc(memberships.createdAt), desc(memberships.id));
  return rows.map(({ m, plan, assignedByName }) => ({
    id: m.id,
    userId: m.userId,
    planId: m.planId,
    planName: plan.name,
    planType: m.planType,
    status: m.status,
    startDate: m.startDate,
    endDate: m.endDate,
    pausedOn: m.pausedOn,
    pause: m.pauseFrom && m.pauseUntil ? { from: m.pauseFrom, until: m.pauseUntil, reason: m.pauseReason ?? '' } : null,
    commitmentEndsOn: m.planType === 'RECURRING' ? commitmentEndsOn(m.startDate, plan.commitmentMonths) : null,
    creditsPerWeek: plan.creditsPerWeek,
    totalCredits: plan.totalCredits,
    paymentReference: m.paymentReference,
    assignedByName,
    createdAt: m.createdAt,
  }));
}
