import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import { creditGrants, creditTransactions } from '../../src/db/schema';
import { DomainError } from '../../src/domain/shared/domain-error';
import { adjustCredits } from '../../src/services/credits/adjust-credits';
import { consumeCreditsForBooking } from '../../src/services/credits/consume-credits-for-booking';
import { expireCredits } from '../../src/services/credits/expire-credits';
import { refundCreditsForBooking } from '../../src/services/credits/refund-credits-for-booking';
import { createTestDatabase } from '../support/test-database';
import { ledgerMismatches, makeClassType, makeUser } from './fixtures';

/*
 * The same random sequences as the domain property test, but through the real services and the
 * real database: the cached `remaining` of every grant must equal its ledger sum, no grant may go
 * below zero, and a refund must give back exactly what the booking took.
 */

let handle: DatabaseHandle;
let classTypeId: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  classTypeId = await makeClassType(handle.db, 'HIIT');
});
afterAll(async () => handle.close());

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-02T09:00:00Z');

const op = fc.oneof(
  fc.record({
    t: fc.constant('add' as const),
    amount: fc.integer({ min: 1, max: 4 }),
    days: fc.option(fc.integer({ min: 1, max: 20 })),
  }),
  fc.record({ t: fc.constant('remove' as const), amount: fc.integer({ min: 1, max: 5 }) }),
  fc.record({
    t: fc.constant('consume' as const),
    cost: fc.integer({ min: 1, max: 3 }),
    inHours: fc.integer({ min: 1, max: 24 * 20 }),
  }),
  fc.record({ t: fc.constant('refund' as const), pick: fc.nat() }),
  fc.record({ t: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 24 * 5 }) }),
);

const remainingByGrant = async (userId: string) =>
  new Map(
    (
      await handle.db
        .select({ id: creditGrants.id, remaining: creditGrants.remaining })
        .from(creditGrants)
        .where(eq(creditGrants.userId, userId))
    ).map((g) => [g.id, g.remaining]),
  );

describe('credit ledger on the database (property-based)', () => {
  it('keeps remaining = ledger sum, never negative, and refunds exactly, over random sequences', async () => {
    const admin = { id: await makeUser(handle.db, 'ADMIN'), role: 'ADMIN' as const };
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const userId = await makeUser(handle.db);
        let now = new Date(T0);
        const bookings: Array<{ registrationId: string; taken: Map<string, number> }> = [];
        for (const step of ops) {
          if (step.t === 'advance') {
            now = new Date(now.getTime() + step.hours * HOUR);
            await expireCredits(handle.db, now);
          }
          if (step.t === 'add') {
            await adjustCredits(
              handle.db,
              admin,
              userId,
              {
                amount: step.amount,
                reason: 'gift',
                validUntil: step.days ? new Date(now.getTime() + step.days * 24 * HOUR).toISOString() : undefined,
              },
              now,
            );
          }
          if (step.t === 'remove') {
            await adjustCredits(handle.db, admin, userId, { amount: -step.amount, reason: 'fix' }, now).catch(
              (e: unknown) => {
                if (!(e instanceof DomainError) || e.code !== 'INSUFFICIENT_CREDITS') throw e;
              },
            );
          }
          if (step.t === 'consume') {
            const registrationId = randomUUID();
            const result = await handle.db
              .transaction((tx) =>
                consumeCreditsForBooking(tx, {
                  userId,
                  registrationId,
                  sessionId: randomUUID(),
                  classTypeId,
                  sessionStart: new Date(now.getTime() + step.inHours * HOUR),
                  cost: step.cost,
                  actorId: userId,
                  description: 'HIIT',
                  now,
                }),
              )
              .catch((e: unknown) => {
                if (e instanceof DomainError && e.code === 'INSUFFICIENT_CREDITS') return null;
                throw e;
              });
            if (result) {
              expect(result.consumed.reduce((s, c) => s + c.amount, 0)).toBe(step.cost);
              bookings.push({ registrationId, taken: new Map(result.consumed.map((c) => [c.grantId, c.amount])) });
            }
          }
          if (step.t === 'refund' && bookings.length > 0) {
            const booking = bookings[step.pick % bookings.length]!;
            const before = await remainingByGrant(userId);
            const { refunded } = await handle.db.transaction((tx) =>
              refundCreditsForBooking(tx, {
                registrationId: booking.registrationId,
                actorId: userId,
                reason: 'cancelled',
                now,
              }),
            );
            const after = await remainingByGrant(userId);
            const expectedBack = [...booking.taken.values()].reduce((s, n) => s + n, 0);
            expect(refunded).toBe(expectedBack);
            for (const [grantId, was] of before)
              expect(after.get(grantId)).toBe(was + (booking.taken.get(grantId) ?? 0));
            booking.taken = new Map(); // given back: a second refund returns nothing
          }
        }
        expect(await ledgerMismatches(handle.db)).toEqual([]);
        const [totals] = await handle.db
          .select({
            ledger: sql<number>`coalesce(sum(${creditTransactions.amount}), 0)::int`,
          })
          .from(creditTransactions)
          .where(eq(creditTransactions.userId, userId));
        const balance = [...(await remainingByGrant(userId)).values()];
        expect(balance.every((n) => n >= 0)).toBe(true);
        expect(Number(totals!.ledger)).toBe(balance.reduce((s, n) => s + n, 0));
      }),
      { numRuns: 25 },
    );
  });
});
