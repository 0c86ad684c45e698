import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import { creditTransactions } from '../../src/db/schema';
import { consumeCreditsForBooking } from '../../src/services/credits/consume-credits-for-booking';
import { refundCreditsForBooking } from '../../src/services/credits/refund-credits-for-booking';
import { createTestDatabase, onPostgres } from '../support/test-database';
import { at, giveGrant, ledgerMismatches, makeClassType, makeUser, remainingOf } from './fixtures';

// PGlite has one connection and cannot race: these run on PostgreSQL (TEST_DATABASE_URL).
describe.runIf(onPostgres())('credits under concurrent requests (PostgreSQL)', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase({ poolSize: 24 });
  });
  afterAll(async () => handle?.close());

  const NOW = at('2026-03-02T09:00:00Z');

  it('20 bookings racing for 5 credits across two grants: exactly 5 succeed and no grant goes below zero', async () => {
    const user = await makeUser(handle.db);
    const hiit = await makeClassType(handle.db, 'HIIT');
    const weekly = await giveGrant(
      handle.db,
      user,
      2,
      { from: at('2026-03-02T00:00:00Z'), until: at('2026-03-09T00:00:00Z') },
      NOW,
    );
    const pack = await giveGrant(handle.db, user, 3, { from: at('2026-03-01T00:00:00Z'), until: null }, NOW);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        handle.db.transaction((tx) =>
          consumeCreditsForBooking(tx, {
            userId: user,
            registrationId: randomUUID(),
            sessionId: randomUUID(),
            classTypeId: hiit,
            sessionStart: at(`2026-03-0${3 + (i % 5)}T06:30:00Z`),
            cost: 1,
            actorId: user,
            description: 'HIIT',
            now: NOW,
          }),
        ),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(5);
    expect(refused.map((r) => (r.reason as { code?: string }).code)).toEqual(Array(15).fill('INSUFFICIENT_CREDITS'));
    expect([await remainingOf(handle.db, weekly), await remainingOf(handle.db, pack)]).toEqual([0, 0]);
    expect(await ledgerMismatches(handle.db)).toEqual([]);
  });

  it('two refunds of the same registration at once give the credit back once', async () => {
    const user = await makeUser(handle.db);
    const hiit = await makeClassType(handle.db, 'HIIT');
    const grant = await giveGrant(handle.db, user, 2, { from: at('2026-03-01T00:00:00Z'), until: null }, NOW);
    const registrationId = randomUUID();
    await handle.db.transaction((tx) =>
      consumeCreditsForBooking(tx, {
        userId: user,
        registrationId,
        sessionId: randomUUID(),
        classTypeId: hiit,
        sessionStart: at('2026-03-04T06:30:00Z'),
        cost: 2,
        actorId: user,
        description: 'HIIT',
        now: NOW,
      }),
    );
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        handle.db.transaction((tx) =>
          refundCreditsForBooking(tx, { registrationId, actorId: user, reason: 'cancelled', now: NOW }),
        ),
      ),
    );
    expect(results.map((r) => r.refunded).sort()).toEqual([0, 0, 0, 0, 0, 2]);
    expect(await remainingOf(handle.db, grant)).toBe(2);
    const refunds = await handle.db
      .select()
      .from(creditTransactions)
      .where(eq(creditTransactions.registrationId, registrationId));
    expect(refunds.filter((r) => r.kind === 'REFUND').map((r) => r.amount)).toEqual([2]);
  });
});
