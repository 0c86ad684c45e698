import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import { creditTransactions, externalRefs, memberships, users } from '../../src/db/schema';
import { importFromTeamup } from '../../src/services/import/import-from-teamup';
import { createTestDatabase } from '../support/test-database';
import { files, weeklyEvents } from './fixtures';

const NOW = new Date('2026-03-20T12:00:00Z');
const CUSTOMERS = 10_000;

function customerCsv(n: number) {
  const lines = ['Customer ID,First Name,Last Name,Email,Phone,Joined,Active Membership,Pack Uses Left'];
  for (let i = 1; i <= n; i++)
    lines.push(
      `${i},Client,Number ${i},client${i}@example.test,07700 ${String(i).padStart(6, '0')},2025-01-0${(i % 9) + 1},${i % 2 ? '10 Class Pack' : ''},${i % 2 ? i % 7 || 1 : ''}`,
    );
  return lines.join('\n');
}

describe('a 10,000-customer file', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());
  const tally = async () => ({
    clients: Number((await database.db.select({ n: count() }).from(users).where(eq(users.role, 'CLIENT')))[0]!.n),
    memberships: Number((await database.db.select({ n: count() }).from(memberships))[0]!.n),
    ledger: Number((await database.db.select({ n: count() }).from(creditTransactions))[0]!.n),
    refs: Number((await database.db.select({ n: count() }).from(externalRefs))[0]!.n),
  });

  it('stops halfway on a crash, and the next run completes it with nothing doubled', async () => {
    const input = files(weeklyEvents(2), customerCsv(CUSTOMERS));
    let customerBatches = 0;
    const crash = importFromTeamup(database.db, null, input, { dryRun: false }, NOW, ({ step }) => {
      if (step === 'Customers' && ++customerBatches === 10) throw new Error('the process died here');
    });
    await expect(crash).rejects.toThrow('the process died here');
    const half = await tally();
    expect(half.clients).toBe(5000);
    expect(half.memberships).toBe(2500);

    const started = performance.now();
    const report = await importFromTeamup(database.db, null, input, { dryRun: false }, NOW);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `10,000-customer import (second half written, first half checked): ${seconds.toFixed(1)} s on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`,
    );
    expect(report.counts.customers).toMatchObject({ created: 5000, unchanged: 5000 });
    const done = await tally();
    expect(done).toMatchObject({ clients: CUSTOMERS, memberships: CUSTOMERS / 2, ledger: CUSTOMERS / 2 });

    await importFromTeamup(database.db, null, input, { dryRun: false }, NOW);
    expect(await tally()).toEqual(done);
  }, 180_000);
});
