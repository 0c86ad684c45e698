import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import { preparedStatement } from '../../src/db/execute-prepared';
import { runTransaction } from '../../src/db/pipelined-transaction';
import { rowsOf } from '../../src/db/rows';
import { createTestDatabase, onPostgres } from '../support/test-database';

/*
 * Statements outside a transaction share one pipelined connection on PostgreSQL
 * (shared-connection.ts): every caller gets its own answer, transactions keep their own
 * connections, and a lost shared connection is replaced by the next statement.
 */
describe.runIf(onPostgres())('the shared pipelined connection (PostgreSQL)', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle?.close());

  const echo = preparedStatement(() => sql`SELECT ${sql.placeholder('n')}::int AS n, pg_backend_pid() AS pid`);
  const ask = async (n: number) => rowsOf<{ n: number; pid: number }>(await echo(handle.db, { n }))[0]!;

  it('answers many statements sent at once, each with its own answer, on one connection', async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, (_, n) => ask(n)));
    expect(answers.map((a) => a.n)).toEqual(Array.from({ length: 200 }, (_, n) => n));
    expect(new Set(answers.map((a) => a.pid)).size).toBe(1);
  });

  it('keeps transactions on their own connections', async () => {
    const shared = (await ask(1)).pid;
    const inTransaction = await runTransaction(
      handle.db,
      async (tx) => rowsOf<{ pid: number }>(await echo(tx, { n: 2 }))[0]!.pid,
    );
    expect(inTransaction).not.toBe(shared);
  });

  it('fails only the one statement that fails; the others go on', async () => {
    const failing = preparedStatement(() => sql`SELECT 1 / ${sql.placeholder('zero')}::int AS never`);
    const [before, failed, after] = await Promise.allSettled([ask(1), failing(handle.db, { zero: 0 }), ask(3)]);
    expect(before).toMatchObject({ status: 'fulfilled', value: { n: 1 } });
    expect(failed).toMatchObject({ status: 'rejected', reason: { code: '22012' } });
    expect(after).toMatchObject({ status: 'fulfilled', value: { n: 3 } });
  });

  it('opens a new connection after the shared one is lost', async () => {
    const lost = (await ask(1)).pid;
    await runTransaction(handle.db, (tx) => tx.execute(sql`SELECT pg_terminate_backend(${lost}, 5000)`));
    // The statement that meets the lost connection fails; the one after it gets a new connection.
    const first = await ask(2).catch((error: Error) => error);
    const next = first instanceof Error ? await ask(3) : first;
    expect(next.pid).not.toBe(lost);
  });
});
