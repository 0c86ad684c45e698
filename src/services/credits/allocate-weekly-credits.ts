import { and, eq, gte, inArray, isNotNull, isNull, lte, max, or, sql } from 'drizzle-orm';
import type { Database, Executor, Tx } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { classSessions, classTypes, creditGrants, memberships, membershipPlans } from '../../db/schema';
import { allocationWeeks } from '../../domain/credits/allocation-horizon';
import { decideWeeklyAllocations, type WeeklyGrant } from '../../domain/credits/decide-weekly-allocations';
import type { StudioWeek } from '../../domain/time/studio-week';
import { loadSettings } from '../settings/settings-service';
import { insertGrants } from './insert-grants';

/** The weeks that need grants now: from the booking windows the sessions area has set up. */
async function weeksToAllocate(db: Executor, now: Date, timeZone: string): Promise<StudioWeek[]> {
  const [types] = await db
    .select({ longestWindow: max(classTypes.bookingOpensHoursBefore) })
    .from(classTypes)
    .where(eq(classTypes.active, true));
  const [open] = await db
    .select({ furthestOpen: max(classSessions.startTime) })
    .from(classSessions)
    .where(and(eq(classSessions.status, 'SCHEDULED'), lte(classSessions.registrationsOpenAt, now)));
  return allocationWeeks(
    {
      now,
      longestBookingWindowHours: types?.longestWindow ?? null,
      furthestOpenSessionStart: open?.furthestOpen ?? null,
    },
    timeZone,
  );
}

/** Active recurring/prepaid memberships that overlap the weeks, and the grants they are owed. */
async function owedGrants(
  db: Executor,
  weeks: StudioWeek[],
  timeZone: string,
  membershipIds?: string[],
): Promise<WeeklyGrant[]> {
  const firstDay = weeks[0]!.weekStart;
  const lastWeek = weeks[weeks.length - 1]!.weekStart;
  const rows = await db
    .select({
      membershipId: memberships.id,
      userId: memberships.userId,
      planName: membershipPlans.name,
      creditsPerWeek: membershipPlans.creditsPerWeek,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
      provisional: memberships.provisional,
      pauseFrom: memberships.pauseFrom,
      pauseUntil: memberships.pauseUntil,
    })
    .from(memberships)
    .innerJoin(membershipPlans, eq(membershipPlans.id, memberships.planId))
    .where(
      and(
        eq(memberships.status, 'ACTIVE'),
        inArray(memberships.planType, ['RECURRING', 'PREPAID']),
        lte(memberships.startDate, sql`${lastWeek}::date + 6`),
        or(isNull(memberships.endDate), gte(memberships.endDate, firstDay)),
        membershipIds ? inArray(memberships.id, membershipIds) : undefined,
      ),
    )
    .orderBy(memberships.id);
  const owed = decideWeeklyAllocations(
    rows.map(({ pauseFrom, pauseUntil, ...r }) => ({
      ...r,
      creditsPerWeek: r.creditsPerWeek ?? 0,
      pause: pauseFrom && pauseUntil ? { from: pauseFrom, until: pauseUntil } : null,
    })),
    weeks,
    timeZone,
  );
  // Skip the weeks already granted (most of them, on an hourly run). This only saves work: the
  // unique key is what makes a week exactly-once when two runs race.
  const granted = await db
    .select({ membershipId: creditGrants.membershipId, weekStart: creditGrants.weekStart })
    .from(creditGrants)
    .where(
      and(
        isNotNull(creditGrants.membershipId),
        inArray(
          creditGrants.weekStart,
          weeks.map((w) => w.weekStart),
        ),
        membershipIds ? inArray(creditGrants.membershipId, membershipIds) : undefined,
      ),
    );
  const done = new Set(granted.map((g) => `${g.membershipId}/${g.weekStart}`));
  return owed.filter((g) => !done.has(`${g.membershipId}/${g.weekStart}`));
}

function write(tx: Tx, grants: WeeklyGrant[], now: Date) {
  return insertGrants(
    tx,
    grants.map((g) => ({ ...g, source: 'PLAN_ALLOCATION' as const, membershipId: g.membershipId })),
    { kind: 'GRANT', reasonCode: 'WEEKLY_ALLOCATION', actorId: null, now },
  );
}

/**
 * Grants the weekly credits of the given memberships inside the caller's transaction: used when
 * a membership is assigned or resumed, so the client can book at once.
 */
export async function allocateForMemberships(tx: Tx, membershipIds: string[], now: Date): Promise<number> {
  const { 'studio.timezone': timeZone } = await loadSettings(tx);
  const weeks = await weeksToAllocate(tx, now, timeZone);
  const grants = await owedGrants(tx, weeks, timeZone, membershipIds);
  return (await write(tx, grants, now)).length;
}

export interface AllocationRunOptions {
  /** Grants written per transaction. */
  batchSize?: number;
  /** Called after each batch commits (tests use it to simulate a crash halfway). */
  afterBatch?: (batchIndex: number) => void | Promise<void>;
}

/**
 * The allocation job: every active membership's weekly grants for the current week and the
 * weeks inside the booking window. Safe to run on every instance, concurrently, or again after
 * a crash: each grant has the unique key (membership, week), and a grant and its ledger row are
 * written by one statement, so a week is granted exactly once. Catches up any missed weeks in
 * that range.
 */
export async function runWeeklyAllocation(
  db: Database,
  now: Date,
  options: AllocationRunOptions = {},
): Promise<{ created: number; owed: number }> {
  const { 'studio.timezone': timeZone } = await loadSettings(db);
  const weeks = await weeksToAllocate(db, now, timeZone);
  const grants = await owedGrants(db, weeks, timeZone);
  const batchSize = options.batchSize ?? 200;
  let created = 0;
  for (let i = 0; i * batchSize < grants.length; i++) {
    const batch = grants.slice(i * batchSize, (i + 1) * batchSize);
    created += (await inTransaction(db, (tx) => write(tx, batch, now))).length;
    await options.afterBatch?.(i);
  }
  return { created, owed: grants.length };
}
