import { and, asc, count, eq, gt, ilike, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { creditGrants, memberships, membershipPlans, users } from '../../db/schema';
import type { MembershipStatus, PlanType } from '../../domain/credits/plan-types';
import { studioWeeksFrom } from '../../domain/time/studio-week';
import { loadSettings } from '../settings/settings-service';

export interface MemberRow {
  id: string;
  name: string;
  email: string;
  active: boolean;
  plans: Array<{
    membershipId: string;
    planName: string;
    planType: PlanType;
    status: MembershipStatus;
    /** Last day (a monthly plan cancelled in the billing portal has one: ADR 0029). */
    endDate: string | null;
  }>;
  /** Credits the member can still book with for classes in the rest of this studio week. */
  creditsThisWeek: number;
}

/** Clients with the plans they hold and their credits this week: the coach/admin member list. Three queries per page. */
export async function listMembers(db: Database, options: { query?: string; limit: number; offset: number }, now: Date) {
  const q = options.query?.trim();
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(
    eq(users.role, 'CLIENT'),
    pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
  );
  const [page, [total]] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email, banned: users.banned })
      .from(users)
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  const ids = page.map((u) => u.id);
  if (ids.length === 0) return { members: [] as MemberRow[], total: Number(total?.n ?? 0) };

  const { 'studio.timezone': timeZone } = await loadSettings(db);
  const [thisWeek] = studioWeeksFrom(now, timeZone, 0);
  const [held, credits] = await Promise.all([
    db
      .select({
        userId: memberships.userId,
        membershipId: memberships.id,
        planName: membershipPlans.name,
        planType: memberships.planType,
        status: memberships.status,
        endDate: memberships.endDate,
      })
      .from(memberships)
      .innerJoin(membershipPlans, eq(membershipPlans.id, memberships.planId))
      .where(and(inArray(memberships.userId, ids), inArray(memberships.status, ['ACTIVE', 'PAUSED'])))
      .orderBy(asc(memberships.startDate)),
    db
      .select({ userId: creditGrants.userId, n: sql<number>`coalesce(sum(${creditGrants.remaining}), 0)::int` })
      .from(creditGrants)
      .leftJoin(memberships, eq(memberships.id, creditGrants.membershipId))
      .where(
        and(
          inArray(creditGrants.userId, ids),
          gt(creditGrants.remaining, 0),
          lt(creditGrants.validFrom, thisWeek!.endsAt),
          or(isNull(creditGrants.validUntil), gt(creditGrants.validUntil, now)),
          or(isNull(memberships.status), ne(memberships.status, 'PAUSED')),
        ),
      )
      .groupBy(creditGrants.userId),
  ]);
  const members: MemberRow[] = page.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    active: !u.banned,
    plans: held
      .filter((m) => m.userId === u.id)
      .map((m) => ({
        membershipId: m.membershipId,
        planName: m.planName,
        planType: m.planType,
        status: m.status,
        endDate: m.endDate,
      })),
    creditsThisWeek: Number(credits.find((c) => c.userId === u.id)?.n ?? 0),
  }));
  return { members, total: Number(total?.n ?? 0) };
}
