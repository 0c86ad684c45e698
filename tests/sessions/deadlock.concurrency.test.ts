import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/access/roles';
import { bookSession } from '../../src/services/sessions/book-session';
import { cancelMyRegistration } from '../../src/services/sessions/cancel-registration';
import { createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, onPostgres } from '../support/test-database';
import { expectConsistent, giveCredits, makeSession, sessionInvariants, setUpStudio, type Studio } from './support';
import { createUser } from '../support/test-app';

/*
 * ADR 0008: no path can deadlock. The case issue 12 found: a cancellation promotes the next
 * waitlisted client (debiting their grants) and refunds the canceller's, so when A cancels in
 * one class (promoting B) while B cancels in another (promoting A), the two transactions lock
 * both clients' grants — in opposite orders before the fix. Many such crossings run at once,
 * with bookings of the same clients elsewhere; PostgreSQL counts every deadlock it breaks
 * (pg_stat_database.deadlocks, flushed when the backends exit), and the count must stay zero.
 * (inTransaction retries a deadlock victim, so the clients' answers alone would not show it.)
 */
const NOW = new Date('2026-03-20T12:00:00Z');
const PAIRS = 12;
const ROUNDS = 4;
let t: TestApp;
let studio: Studio;
let admin: pg.Client;
let databaseName: string;

const client = (id: string): Actor => ({ id, role: 'CLIENT' });

async function deadlocksSoFar(): Promise<number> {
  // Ending the app's backends flushes their statistics (a backend flushes on exit).
  await admin.query(
    `SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity
     WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    [databaseName],
  );
  for (let attempt = 0; ; attempt++) {
    await admin.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await admin.query<{ deadlocks: string; backends: string }>(
      `SELECT deadlocks::text, (SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid())::text AS backends
       FROM pg_stat_database WHERE datname = $1`,
      [databaseName],
    );
    if (rows[0]!.backends === '0' || attempt > 50) return Number(rows[0]!.deadlocks);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.runIf(onPostgres())('no deadlocks between cancellations, promotions and bookings (PostgreSQL)', () => {
  beforeAll(async () => {
    const database = await createTestDatabase({ poolSize: 24 });
    t = await createTestApp({ now: NOW, database });
    studio = await setUpStudio(t);
    databaseName = (await database.pool!.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db;
    admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await t?.close();
    await t?.database.close();
  });

  it('crossing cancellations that promote each other, with bookings alongside, never deadlock', async () => {
    const db = t.database.db;
    const pairs: Array<{ a: string; b: string; first: string; second: string; extras: string[] }> = [];
    for (let i = 0; i < PAIRS; i++) {
      const [a, b] = [await createUser(t.app, 'CLIENT'), await createUser(t.app, 'CLIENT')];
      // Several grants each, so debits and refunds lock more than one row per client.
      for (const who of [a, b]) for (let g = 0; g < 3; g++) await giveCredits(db, who.id, 1 + g, NOW);
      const hour = String(6 + i).padStart(2, '0');
      const [first, second] = [
        await makeSession(t, studio, `2026-03-23T${hour}:00:00Z`, { capacity: 1 }),
        await makeSession(t, studio, `2026-03-24T${hour}:00:00Z`, { capacity: 1 }),
      ];
      const extras = [
        await makeSession(t, studio, `2026-03-25T${hour}:00:00Z`, { capacity: 50 }),
        await makeSession(t, studio, `2026-03-26T${hour}:00:00Z`, { capacity: 50 }),
      ];
      pairs.push({ a: a.id, b: b.id, first, second, extras });
    }
    // A holds the place in `first`, B the place in `second`.
    for (const p of pairs) {
      await bookSession(db, client(p.a), { sessionId: p.first }, NOW);
      await bookSession(db, client(p.b), { sessionId: p.second }, NOW);
    }
    const before = await deadlocksSoFar();

    for (let round = 0; round < ROUNDS; round++) {
      // Each waits in the other's class, then both cancel at once (each promotes the other),
      // while each also books (or leaves) a class elsewhere.
      const holderOf = (p: (typeof pairs)[number], session: string) =>
        round % 2 === 0 ? (session === p.first ? p.a : p.b) : session === p.first ? p.b : p.a;
      for (const p of pairs) {
        await bookSession(db, client(holderOf(p, p.first) === p.a ? p.b : p.a), { sessionId: p.first }, NOW);
        await bookSession(db, client(holderOf(p, p.second) === p.a ? p.b : p.a), { sessionId: p.second }, NOW);
      }
      const extra = (p: (typeof pairs)[number], who: string) =>
        round % 2 === 0
          ? bookSession(db, client(who), { sessionId: p.extras[who === p.a ? 0 : 1]! }, NOW)
          : cancelMyRegistration(db, client(who), p.extras[who === p.a ? 0 : 1]!, NOW);
      const outcomes = await Promise.allSettled(
        pairs.flatMap((p) => [
          cancelMyRegistration(db, client(holderOf(p, p.first)), p.first, NOW),
          cancelMyRegistration(db, client(holderOf(p, p.second)), p.second, NOW),
          extra(p, p.a),
          extra(p, p.b),
        ]),
      );
      expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    }

    expect((await deadlocksSoFar()) - before).toBe(0);
    for (const p of pairs) {
      for (const session of [p.first, p.second, ...p.extras])
        expect(expectConsistent(await sessionInvariants(db, session))).toEqual([]);
    }
  });
});
