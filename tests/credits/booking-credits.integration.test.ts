import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import { creditTransactions, memberships, membershipPlans, planClassTypes } from '../../src/db/schema';
import {
  consumeCreditsForBooking,
  type ConsumeCreditsInput,
} from '../../src/services/credits/consume-credits-for-booking';
import { countUsableCredits } from '../../src/services/credits/count-usable-credits';
import { refundCreditsForBooking } from '../../src/services/credits/refund-credits-for-booking';
import { createTestDatabase } from '../support/test-database';
import { at, giveGrant, ledgerMismatches, makeClassType, makeUser, remainingOf } from './fixtures';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle.close());

const NOW = at('2026-03-02T09:00:00Z'); // a Monday
const WEEK1 = { from: at('2026-03-02T00:00:00Z'), until: at('2026-03-09T00:00:00Z') };
const WEEK2 = { from: at('2026-03-09T00:00:00Z'), until: at('2026-03-16T00:00:00Z') };

function booking(userId: string, classTypeId: string, sessionStart: Date, cost = 1): ConsumeCreditsInput {
  return {
    userId,
    registrationId: randomUUID(),
    sessionId: randomUUID(),
    classTypeId,
    sessionStart,
    cost,
    actorId: userId,
    description: 'HIIT Wed 06:30',
    now: NOW,
  };
}

const consume = (input: ConsumeCreditsInput) => handle.db.transaction((tx) => consumeCreditsForBooking(tx, input));
const refund = (registrationId: string, actorId: string) =>
  handle.db.transaction((tx) =>
    refundCreditsForBooking(tx, { registrationId, actorId, reason: 'cancelled in time', now: NOW }),
  );

async function restrictedMembership(userId: string, classTypeId: string, status: 'ACTIVE' | 'PAUSED' = 'ACTIVE') {
  const [plan] = await handle.db
    .insert(membershipPlans)
    .values({ name: 'CORE only', type: 'RECURRING', creditsPerWeek: 3, priceMinor: 5000, coversAllClassTypes: false })
    .returning();
  await handle.db.insert(planClassTypes).values({ planId: plan!.id, classTypeId });
  const [membership] = await handle.db
    .insert(memberships)
    .values({ userId, planId: plan!.id, planType: 'RECURRING', status, startDate: '2026-03-02' })
    .returning();
  return membership!.id;
}

describe('consumeCreditsForBooking', () => {
  it('takes the grant whose window ends first, then the oldest, and spans grants for a multi-credit class', async () => {
    const user = await makeUser(handle.db);
    const hiit = await makeClassType(handle.db, 'HIIT');
    const pack = await giveGrant(
      handle.db,
      user,
      5,
      { from: at('2026-03-01T00:00:00Z'), until: null },
      at('2026-02-20T00:00:00Z'),
    );
    const weekly = await giveGrant(handle.db, user, 1, WEEK1, at('2026-03-01T00:00:00Z'));
    const older = await giveGrant(handle.db, user, 1, WEEK1, at('2026-02-28T00:00:00Z'));

    const first = await consume(booking(user, hiit, at('2026-03-04T06:30:00Z')));
    expect(first.consumed).toEqual([{ grantId: older, amount: 1 }]);

    const input = booking(user, hiit, at('2026-03-05T06:30:00Z'), 3);
    const second = await consume(input);
    expect(second.consumed).toEqual([
      { grantId: weekly, amount: 1 },
      { grantId: pack, amount: 2 },
    ]);
    expect([
      await remainingOf(handle.db, older),
      await remainingOf(handle.db, weekly),
      await remainingOf(handle.db, pack),
    ]).toEqual([0, 0, 3]);

    const rows = await handle.db
      .select()
      .from(creditTransactions)
      .where(eq(creditTransactions.registrationId, input.registrationId));
    expect(rows.map((r) => [r.kind, r.amount, r.sessionId, r.actorId, r.reasonCode])).toEqual(
      expect.arrayContaining([
        ['CONSUME', -1, input.sessionId, user, 'BOOKING'],
        ['CONSUME', -2, input.sessionId, user, 'BOOKING'],
      ]),
    );
    expect(await ledgerMismatches(handle.db)).toEqual([]);
  });

  it('only uses a grant whose window holds the session start (from inclusive, until exclusive)', async () => {
    const user = await makeUser(handle.db);
    const hiit = await makeClassType(handle.db, 'HIIT');
    const week2 = await giveGrant(handle.db, user, 1, WEEK2, NOW);
    await expect(consume(booking(user, hiit, at('2026-03-08T23:59:00Z')))).rejects.toMatchObject({
      code: 'INSUFFICIENT_CREDITS',
    });
    await expect(consume(booking(user, hiit, WEEK2.until))).rejects.toMatchObject({ code: 'INSUFFICIENT_CREDITS' });
    const ok = await consume(booking(user, hiit, WEEK2.from));
    expect(ok.consumed).toEqual([{ grantId: week2, amount: 1 }]);
  });

  it('refuses with INSUFFICIENT_CREDITS and writes nothing when the usable credits are fewer than the cost', async () => {
    const user = await makeUser(handle.db);
    const hiit = await makeClassType(handle.db, 'HIIT');
    const grant = await giveGrant(handle.db, user, 2, WEEK1, NOW);
    await expect(consume(booking(user, hiit, at('2026-03-04T06:30:00Z'), 3))).rejects.toMatchObject({
      code: 'INSUFFICIENT_CREDITS',
    });
    expect(await remainingOf(handle.db, grant)).toBe(2);
    const rows = await handle.db.select().from(creditTransactions).where(eq(creditTransactions.grantId, grant));
    expect(rows.map((r) => r.kind)).toEqual(['ADJUST']);
  });

  it('refuses with CLASS_TYPE_NOT_ALLOWED when the only credits are for other class types', async () => {
    const user = await makeUser(handle.db);
    const core = await makeClassType(handle.db, 'CORE');
    const hiit = await makeClassType(handle.db, 'HIIT');
    const membershipId = await restrictedMembership(user, core);
    await giveGrant(handle.db, user, 3, WEEK1, NOW, {
      membershipId,
      source: 'PLAN_ALLOCATION',
      weekStart: '2026-03-02',
    });

    await expect(consume(booking(user, hiit, at('2026-03-04T06:30:00Z')))).rejects.toMatchObject({
      code: 'CLASS_TYPE_NOT_ALLOWED',
    });
    expect(
      await countUsableCredits(handle.db, {
        userId: user,
        classTypeId: hiit,
        sessionStart: at('2026-03-04T06:30:00Z'),
        now: NOW,
      }),
    ).toEqual({
      usable: 0,
      classTypeBlocked: true,
    });
    expect(
      await countUsableCredits(handle.db, {
        userId: user,
        classTypeId: core,
        sessionStart: at('2026-03-04T06:30:00Z'),
        now: NOW,
      }),
    ).toEqual({
      usable: 3,
      classTypeBlocked: false,
    });
    expect((await consume(booking(user, core, at('2026-03-04T06:30:00Z')))).consumed[0]!.amount).toBe(1);

    // An admin grant pays for any class type, and then the client has credits for HIIT after all.
    await giveGrant(handle.db, user, 1, WEEK1, NOW);
    expect((await consume(booking(user, hiit, at('2026-03-04T06:30:00Z')))).consumed[0]!.amount).toBe(1);
  });

  it('does not use the credits of a paused membership', async () => {
    const user = await makeUser(handle.db);
    const core = await makeClassType(handle.db, 'CORE');
    const membershipId = await restrictedMembership(user, core, 'PAUSED');
    await giveGrant(handle.db, user, 3, WEEK1, NOW, {
      membershipId,
      source: 'PLAN_ALLOCATION',
      weekStart: '2026-03-02',
    });
    await expect(consume(booking(user, core, at('2026-03-04T06:30:00Z')))).rejects.toMatchObject({
      code: 'INSUFFICIENT_CREDITS',
    });
    expect(
      (
        await countUsableCredits(handle.db, {
          userId: user,
          classTypeId: core,
          sessionStart: at('2026-03-04T06:30:00Z'),
          now: NOW,
        })
      ).usable,
    ).toBe(0);
  });
});

describe('refundCreditsForBooking', () => {
  it('gives back to each grant exactly what the registration took, once', async () => {
    const user = await makeUser(handle.db);
    const hiit = await makeClassType(handle.db, 'HIIT');
    const weekly = await giveGrant(handle.db, user, 1, WEEK1, NOW);
    const pack = await giveGrant(handle.db, user, 4, { from: WEEK1.from, until: null }, NOW);
    const input = booking(user, hiit, at('2026-03-04T06:30:00Z'), 3);
    await consume(input);
    expect([await remainingOf(handle.db, weekly), await remainingOf(handle.db, pack)]).toEqual([0, 2]);

    expect(await refund(input.registrationId, user)).toEqual({ refunded: 3 });
    expect([await remainingOf(handle.db, weekly), await remainingOf(handle.db, pack)]).toEqual([1, 4]);
    expect(await refund(input.registrationId, user)).toEqual({ refunded: 0 });
    expect([await remainingOf(handle.db, weekly), await remainingOf(handle.db, pack)]).toEqual([1, 4]);

    const rows = await handle.db
      .select()
      .from(creditTransactions)
      .where(eq(creditTransactions.registrationId, input.registrationId));
    const refunds = rows.filter((r) => r.kind === 'REFUND');
    expect(refunds.map((r) => r.amount).sort()).toEqual([1, 2]);
    expect(
      refunds.every((r) => r.sessionId === input.sessionId && r.description === 'HIIT Wed 06:30 — cancelled in time'),
    ).toBe(true);
    expect(await ledgerMismatches(handle.db)).toEqual([]);
  });

  it('refunds nothing for a registration that never took credits', async () => {
    const user = await makeUser(handle.db);
    expect(await refund(randomUUID(), user)).toEqual({ refunded: 0 });
  });
});

describe('the ledger', () => {
  it('refuses to update or delete a row', async () => {
    const user = await makeUser(handle.db);
    const grant = await giveGrant(handle.db, user, 1, WEEK1, NOW);
    await expect(
      handle.db.update(creditTransactions).set({ amount: 5 }).where(eq(creditTransactions.grantId, grant)),
    ).rejects.toThrow();
    await expect(handle.db.delete(creditTransactions).where(eq(creditTransactions.grantId, grant))).rejects.toThrow();
    const [row] = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(creditTransactions)
      .where(eq(creditTransactions.grantId, grant));
    expect(row!.n).toBe(1);
  });

  it('refuses a grant whose remaining would go below zero, in the database itself', async () => {
    const user = await makeUser(handle.db);
    const grant = await giveGrant(handle.db, user, 1, WEEK1, NOW);
    await expect(handle.db.execute(sql`UPDATE credit_grants SET remaining = -1 WHERE id = ${grant}`)).rejects.toThrow();
  });
});
