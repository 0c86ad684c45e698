import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import { creditGrants, creditTransactions, memberships } from '../../src/db/schema';
import type { Actor } from '../../src/domain/access/roles';
import { runWeeklyAllocation } from '../../src/services/credits/allocate-weekly-credits';
import { countUsableCredits } from '../../src/services/credits/count-usable-credits';
import { expireCredits } from '../../src/services/credits/expire-credits';
import { assignMembership, changeMembershipStatus } from '../../src/services/credits/memberships';
import { createPlan } from '../../src/services/credits/plans';
import { createTestDatabase } from '../support/test-database';
import { at, ledgerMismatches, makeClassType, makeUser } from './fixtures';

let handle: DatabaseHandle;
let admin: Actor;
let committed: string;
let kickstarter: string;
let hiit: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  admin = { id: await makeUser(handle.db, 'ADMIN', 'Admin'), role: 'ADMIN' };
  const t0 = at('2026-01-01T00:00:00Z');
  committed = (
    await createPlan(
      handle.db,
      admin,
      { name: 'Committed', type: 'RECURRING', creditsPerWeek: 5, commitmentMonths: 6, price: 109 },
      t0,
    )
  ).id;
  kickstarter = (
    await createPlan(
      handle.db,
      admin,
      { name: 'Kickstarter', type: 'PREPAID', creditsPerWeek: 5, durationDays: 42, price: 297 },
      t0,
    )
  ).id;
  hiit = await makeClassType(handle.db, 'HIIT');
});
afterAll(async () => handle.close());

async function grantsOf(membershipId: string) {
  return handle.db
    .select()
    .from(creditGrants)
    .where(eq(creditGrants.membershipId, membershipId))
    .orderBy(creditGrants.weekStart);
}
async function newMember(planId: string, startDate: string, now: Date) {
  const user = await makeUser(handle.db);
  const membership = await assignMembership(handle.db, admin, user, { planId, startDate }, now);
  return { user, membership };
}

describe('weekly allocation', () => {
  it('assigning a membership grants the current week and the two bookable weeks ahead at once, mid-week start included', async () => {
    const now = at('2026-03-04T10:00:00Z'); // Wednesday
    const { membership } = await newMember(committed, '2026-03-04', now);
    const grants = await grantsOf(membership.id);
    expect(grants.map((g) => [g.weekStart, g.amount, g.remaining])).toEqual([
      ['2026-03-02', 5, 5],
      ['2026-03-09', 5, 5],
      ['2026-03-16', 5, 5],
    ]);
    expect(grants[0]!.validFrom.toISOString()).toBe('2026-03-04T00:00:00.000Z');
    expect(await ledgerMismatches(handle.db)).toEqual([]);
  });

  it('DST: the weeks of 29 March and 25 October 2026 get their true Europe/London boundaries', async () => {
    const spring = await newMember(committed, '2026-03-23', at('2026-03-25T10:00:00Z'));
    const [week13, week14] = await grantsOf(spring.membership.id);
    expect([week13!.validFrom.toISOString(), week13!.validUntil!.toISOString()]).toEqual([
      '2026-03-23T00:00:00.000Z',
      '2026-03-29T23:00:00.000Z',
    ]);
    expect([week14!.validFrom.toISOString(), week14!.validUntil!.toISOString()]).toEqual([
      '2026-03-29T23:00:00.000Z',
      '2026-04-05T23:00:00.000Z',
    ]);

    const autumn = await newMember(committed, '2026-10-19', at('2026-10-21T10:00:00Z'));
    const [week43, week44] = await grantsOf(autumn.membership.id);
    expect([week43!.validFrom.toISOString(), week43!.validUntil!.toISOString()]).toEqual([
      '2026-10-18T23:00:00.000Z',
      '2026-10-26T00:00:00.000Z',
    ]);
    expect(week44!.validFrom.toISOString()).toBe('2026-10-26T00:00:00.000Z');
    // A class at 23:30 on Sunday 25 October (GMT) still belongs to the week of 19 October.
    expect(
      (
        await countUsableCredits(handle.db, {
          userId: autumn.user,
          classTypeId: hiit,
          sessionStart: at('2026-10-25T23:30:00Z'),
          now: at('2026-10-21T10:00:00Z'),
        })
      ).usable,
    ).toBe(5);
  });

  it('is exactly-once: a second run and a run after a crash halfway create nothing twice', async () => {
    const start = at('2026-05-04T09:00:00Z');
    const members = [
      await newMember(committed, '2026-05-04', start),
      await newMember(committed, '2026-05-04', start),
      await newMember(kickstarter, '2026-05-04', start),
    ];
    const later = at('2026-05-20T09:00:00Z'); // two weeks on: the week of 1 June is now owed too
    await expect(
      runWeeklyAllocation(handle.db, later, {
        batchSize: 1,
        afterBatch: (i) => {
          if (i === 0) throw new Error('simulated crash after the first batch');
        },
      }),
    ).rejects.toThrow('simulated crash');
    // Other tests' memberships share this database, so count what this clock wrote.
    const writtenAtLater = async () =>
      (await handle.db.select().from(creditGrants).where(eq(creditGrants.createdAt, later))).length;
    expect(await writtenAtLater()).toBe(1); // the first batch committed, then the run died
    const rerun = await runWeeklyAllocation(handle.db, later);
    expect(rerun.created).toBe((await writtenAtLater()) - 1);
    expect((await runWeeklyAllocation(handle.db, later)).created).toBe(0);
    for (const { membership } of members) {
      const weeks = (await grantsOf(membership.id)).map((g) => g.weekStart);
      expect(weeks).toEqual(['2026-05-04', '2026-05-11', '2026-05-18', '2026-05-25', '2026-06-01']);
    }
    const [dupes] = await handle.db
      .execute(
        sql`SELECT count(*)::int AS n FROM (SELECT membership_id, week_start FROM credit_grants WHERE week_start IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) d`,
      )
      .then((r) => (r as { rows: Array<{ n: number }> }).rows);
    expect(dupes!.n).toBe(0);
    expect(await ledgerMismatches(handle.db)).toEqual([]);
  });

  it('a paused membership gets no grants for paused weeks and its credits cannot be used; resuming grants at once', async () => {
    const { user, membership } = await newMember(committed, '2026-06-01', at('2026-06-01T09:00:00Z'));
    await changeMembershipStatus(handle.db, admin, membership.id, 'PAUSED', at('2026-06-03T09:00:00Z'));
    expect(
      (
        await countUsableCredits(handle.db, {
          userId: user,
          classTypeId: hiit,
          sessionStart: at('2026-06-04T06:30:00Z'),
          now: at('2026-06-03T09:00:00Z'),
        })
      ).usable,
    ).toBe(0);

    await runWeeklyAllocation(handle.db, at('2026-06-24T09:00:00Z'));
    expect((await grantsOf(membership.id)).map((g) => g.weekStart)).toEqual(['2026-06-01', '2026-06-08', '2026-06-15']);

    await changeMembershipStatus(handle.db, admin, membership.id, 'ACTIVE', at('2026-07-01T09:00:00Z'));
    expect((await grantsOf(membership.id)).map((g) => g.weekStart)).toEqual([
      '2026-06-01',
      '2026-06-08',
      '2026-06-15',
      '2026-06-29',
      '2026-07-06',
      '2026-07-13',
    ]);
    expect(
      (
        await countUsableCredits(handle.db, {
          userId: user,
          classTypeId: hiit,
          sessionStart: at('2026-07-02T06:30:00Z'),
          now: at('2026-07-01T09:00:00Z'),
        })
      ).usable,
    ).toBe(5);
  });

  it('cancelling stops future grants, revokes unused credits of later weeks and ends this week’s credits with the membership', async () => {
    const { user, membership } = await newMember(committed, '2026-08-03', at('2026-08-03T09:00:00Z'));
    const cancelled = await changeMembershipStatus(
      handle.db,
      admin,
      membership.id,
      'CANCELLED',
      at('2026-08-05T09:00:00Z'),
    );
    expect(cancelled).toMatchObject({ status: 'CANCELLED', endDate: '2026-08-05' });
    const grants = await grantsOf(membership.id);
    expect(grants.map((g) => [g.weekStart, g.remaining])).toEqual([
      ['2026-08-03', 5],
      ['2026-08-10', 0],
      ['2026-08-17', 0],
    ]);
    expect(grants[0]!.validUntil!.toISOString()).toBe('2026-08-05T23:00:00.000Z');
    const revoked = await handle.db
      .select()
      .from(creditTransactions)
      .where(and(eq(creditTransactions.userId, user), eq(creditTransactions.kind, 'EXPIRE')));
    expect(revoked.map((r) => [r.amount, r.reasonCode])).toEqual([
      [-5, 'MEMBERSHIP_CANCELLED'],
      [-5, 'MEMBERSHIP_CANCELLED'],
    ]);
    await runWeeklyAllocation(handle.db, at('2026-08-20T09:00:00Z'));
    expect(await grantsOf(membership.id)).toHaveLength(3);
    expect(await ledgerMismatches(handle.db)).toEqual([]);
  });

  it('expires unused credits once their week is over, and ends a prepaid term after its last day', async () => {
    const { user, membership } = await newMember(kickstarter, '2026-09-07', at('2026-09-07T09:00:00Z'));
    const afterTerm = at('2026-10-20T09:00:00Z'); // the 42 days end on 18 October
    const first = await expireCredits(handle.db, afterTerm);
    expect(first.grantsExpired).toBeGreaterThanOrEqual(3);
    expect((await expireCredits(handle.db, afterTerm)).grantsExpired).toBe(0);
    const [row] = await handle.db.select().from(memberships).where(eq(memberships.id, membership.id));
    expect(row!.status).toBe('EXPIRED');
    const expired = await handle.db
      .select()
      .from(creditTransactions)
      .where(and(eq(creditTransactions.userId, user), eq(creditTransactions.kind, 'EXPIRE')));
    expect(expired.map((r) => r.amount)).toEqual([-5, -5, -5]);
    expect(expired.map((r) => r.description).sort()).toEqual([
      'Weekly credits, week of 14 Sep (Kickstarter)',
      'Weekly credits, week of 21 Sep (Kickstarter)',
      'Weekly credits, week of 7 Sep (Kickstarter)',
    ]);
    expect(await ledgerMismatches(handle.db)).toEqual([]);
  });
});
