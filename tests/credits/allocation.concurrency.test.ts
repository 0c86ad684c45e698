import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import { creditGrants, creditTransactions, memberships } from '../../src/db/schema';
import type { Actor } from '../../src/domain/access/roles';
import { runWeeklyAllocation } from '../../src/services/credits/allocate-weekly-credits';
import { expireCredits } from '../../src/services/credits/expire-credits';
import { assignMembership } from '../../src/services/credits/memberships';
import { createPlan } from '../../src/services/credits/plans';
import { createTestDatabase, onPostgres } from '../support/test-database';
import { at, ledgerMismatches, makeUser } from './fixtures';

// Several app instances run the same job at the same moment: only PostgreSQL can show that race.
describe.runIf(onPostgres())('allocation and assignment under concurrency (PostgreSQL)', () => {
  let handle: DatabaseHandle;
  let admin: Actor;
  let committed: string;
  let kickstarter: string;
  beforeAll(async () => {
    handle = await createTestDatabase({ poolSize: 16 });
    admin = { id: await makeUser(handle.db, 'ADMIN'), role: 'ADMIN' };
    committed = (
      await createPlan(
        handle.db,
        admin,
        { name: 'Committed', type: 'RECURRING', creditsPerWeek: 5, price: 109 },
        at('2026-01-01T00:00:00Z'),
      )
    ).id;
    kickstarter = (
      await createPlan(
        handle.db,
        admin,
        { name: 'Kickstarter', type: 'PREPAID', creditsPerWeek: 5, durationDays: 42, price: 297 },
        at('2026-01-01T00:00:00Z'),
      )
    ).id;
  });
  afterAll(async () => handle?.close());

  it('four instances allocating at once grant each (membership, week) exactly once', async () => {
    const start = at('2026-03-02T09:00:00Z');
    for (let i = 0; i < 12; i++) {
      await assignMembership(
        handle.db,
        admin,
        await makeUser(handle.db),
        { planId: i % 2 ? committed : kickstarter, startDate: '2026-03-02' },
        start,
      );
    }
    const later = at('2026-03-25T09:00:00Z'); // three new weeks are owed to every member
    const runs = await Promise.all(
      Array.from({ length: 4 }, () => runWeeklyAllocation(handle.db, later, { batchSize: 5 })),
    );
    expect(runs.reduce((s, r) => s + r.created, 0)).toBe(12 * 3);
    const [dupes] = (
      (await handle.db.execute(
        sql`SELECT count(*)::int AS n FROM (SELECT membership_id, week_start FROM credit_grants WHERE week_start IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) d`,
      )) as unknown as { rows: Array<{ n: number }> }
    ).rows;
    expect(dupes!.n).toBe(0);
    const grants = await handle.db.select().from(creditGrants);
    const grantRows = await handle.db.select().from(creditTransactions).where(eq(creditTransactions.kind, 'GRANT'));
    expect(grantRows).toHaveLength(grants.length);
    expect(await ledgerMismatches(handle.db)).toEqual([]);

    const expiries = await Promise.all(
      Array.from({ length: 3 }, () => expireCredits(handle.db, at('2026-04-01T09:00:00Z'))),
    );
    expect(expiries.reduce((s, r) => s + r.grantsExpired, 0)).toBe(12 * 4); // weeks of 2, 9, 16 and 23 March
    expect(await ledgerMismatches(handle.db)).toEqual([]);
  });

  it('two admins giving a client a recurring plan at the same moment: one wins, the other gets MEMBERSHIP_CONFLICT', async () => {
    const user = await makeUser(handle.db);
    const results = await Promise.allSettled([
      assignMembership(
        handle.db,
        admin,
        user,
        { planId: committed, startDate: '2026-03-02' },
        at('2026-03-02T09:00:00Z'),
      ),
      assignMembership(
        handle.db,
        admin,
        user,
        { planId: kickstarter, startDate: '2026-03-02' },
        at('2026-03-02T09:00:00Z'),
      ),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect((refused.reason as { code: string }).code).toBe('MEMBERSHIP_CONFLICT');
    expect(await handle.db.select().from(memberships).where(eq(memberships.userId, user))).toHaveLength(1);
  });

  it('the database itself refuses a second active term plan (partial unique index)', async () => {
    const user = await makeUser(handle.db);
    await assignMembership(
      handle.db,
      admin,
      user,
      { planId: committed, startDate: '2026-03-02' },
      at('2026-03-02T09:00:00Z'),
    );
    await expect(
      handle.db
        .insert(memberships)
        .values({ userId: user, planId: kickstarter, planType: 'PREPAID', status: 'ACTIVE', startDate: '2026-03-02' }),
    ).rejects.toThrow();
  });
});
