import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import { postgresErrorOf } from '../../src/db/errors';
import { creditTransactions } from '../../src/db/schema';
import { creditLedger } from '../../src/services/credits/credit-views';
import { recordComp } from '../../src/services/credits/record-comp';
import { createTestDatabase } from '../support/test-database';
import { giveGrant, makeUser } from './fixtures';

/* A complimentary place is a line of the ledger that moves no credit and belongs to no grant. */

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle.close());

const now = new Date('2026-03-02T09:00:00Z');

describe('COMP ledger lines', () => {
  it('are written with no grant and amount 0, and read back in plain words', async () => {
    const clientId = await makeUser(handle.db);
    const staffId = await makeUser(handle.db, 'ADMIN', 'Front Desk');
    await recordComp(handle.db, {
      userId: clientId,
      description: 'HIIT Mon 06:30',
      reason: 'first class free',
      actorId: staffId,
      now,
    });
    const { entries } = await creditLedger(handle.db, clientId, { limit: 10 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'COMP', amount: 0, grantId: null, actorName: 'Front Desk' });
    expect(entries[0]!.label).toBe('HIIT Mon 06:30. Reason: first class free — on the house');
  });

  it('are refused by the database with a grant or with an amount', async () => {
    const clientId = await makeUser(handle.db);
    const grantId = await giveGrant(handle.db, clientId, 2, { from: now, until: null }, now);
    const refusedBy = async (write: Promise<unknown>) =>
      postgresErrorOf(
        await write.then(
          () => null,
          (e: unknown) => e,
        ),
      )?.constraint;
    const line = {
      userId: clientId,
      kind: 'COMP' as const,
      reasonCode: 'COMP',
      description: 'x',
      createdAt: now,
    };
    const insert = (values: Partial<typeof creditTransactions.$inferInsert>) =>
      handle.db.insert(creditTransactions).values({ ...line, amount: 0, ...values });
    expect(await refusedBy(insert({ grantId }))).toBe('credit_transactions_grant_ck');
    expect(await refusedBy(insert({ grantId: null, amount: -1 }))).toBe('credit_transactions_sign_ck');
    expect(await refusedBy(insert({ kind: 'ADJUST', grantId: null, amount: 1 }))).toBe('credit_transactions_grant_ck');
  });
});
