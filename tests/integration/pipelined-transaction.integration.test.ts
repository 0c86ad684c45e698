import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import { asOneJsonRow, jsonRowOf, preparedStatement } from '../../src/db/execute-prepared';
import { executeFinal, runTransaction } from '../../src/db/pipelined-transaction';
import { abortOnFirst, abortReason } from '../../src/db/statement-abort';
import { rowsOf } from '../../src/db/rows';
import { createTestDatabase, onPostgres } from '../support/test-database';

/*
 * The transaction runner of the hot paths (BEGIN sent with the first statement, the last
 * statement sent with COMMIT on PostgreSQL) and statements that abort themselves. Runs on both
 * databases: on PGlite the runner is drizzle's own transaction, and the outcome must be the same.
 */
describe(`runTransaction and executeFinal (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await handle.db.execute(sql`CREATE TABLE IF NOT EXISTS pipeline_probe (id int PRIMARY KEY, note text NOT NULL)`);
  });
  afterAll(async () => handle?.close());

  const notes = async () =>
    rowsOf<{ id: number; note: string }>(await handle.db.execute(sql`SELECT id, note FROM pipeline_probe ORDER BY id`));
  const clear = () => handle.db.execute(sql`DELETE FROM pipeline_probe`);

  it('commits the work and the final statement together', async () => {
    await clear();
    const answer = await runTransaction(handle.db, async (tx) => {
      await tx.execute(sql`INSERT INTO pipeline_probe VALUES (1, 'first')`);
      const final = await executeFinal(tx, sql`INSERT INTO pipeline_probe VALUES (2, 'last') RETURNING note`);
      return rowsOf<{ note: string }>(final)[0]?.note;
    });
    expect(answer).toBe('last');
    expect(await notes()).toEqual([
      { id: 1, note: 'first' },
      { id: 2, note: 'last' },
    ]);
  });

  it('keeps nothing when the final statement aborts itself, and says why', async () => {
    await clear();
    const failure = await runTransaction(handle.db, async (tx) => {
      await tx.execute(sql`INSERT INTO pipeline_probe VALUES (1, 'first')`);
      await executeFinal(
        tx,
        sql`INSERT INTO pipeline_probe SELECT 2, 'last' WHERE ${abortOnFirst([
          { when: sql`1 = 2`, reason: 'NEVER' },
          { when: sql`EXISTS (SELECT 1 FROM pipeline_probe WHERE id = 1)`, reason: 'FIRST_IS_THERE' },
          { when: sql`true`, reason: 'NOT_REACHED' },
        ])}`,
      );
    }).catch((error: unknown) => error);
    expect(abortReason(failure)).toBe('FIRST_IS_THERE');
    expect(await notes()).toEqual([]);
    // The connection went back to the pool in a usable state.
    await runTransaction(handle.db, async (tx) =>
      executeFinal(tx, sql`INSERT INTO pipeline_probe VALUES (3, 'after')`),
    );
    expect(await notes()).toEqual([{ id: 3, note: 'after' }]);
  });

  it.runIf(onPostgres())(
    'sends nothing after a final statement that aborted: no warning in the server log',
    async () => {
      // PostgreSQL answers a ROLLBACK outside a transaction with a WARNING notice ("there is no
      // transaction in progress"), which it also writes to its log: for every refused booking,
      // before the runner learned that the server had already rolled back.
      const notices: string[] = [];
      const listening = new WeakSet<object>();
      const listen = (client: pg.PoolClient) => {
        if (listening.has(client)) return;
        listening.add(client);
        client.on('notice', (notice) => notices.push(notice.message ?? ''));
      };
      handle.pool!.on('acquire', listen);
      await clear();
      for (let i = 0; i < 3; i++) {
        const failure = await runTransaction(handle.db, async (tx) => {
          await tx.execute(sql`INSERT INTO pipeline_probe VALUES (1, 'first')`);
          await executeFinal(tx, sql`SELECT ${abortOnFirst([{ when: sql`true`, reason: 'REFUSED' }])}`);
        }).catch((error: unknown) => error);
        expect(abortReason(failure)).toBe('REFUSED');
      }
      await runTransaction(handle.db, (tx) => executeFinal(tx, sql`INSERT INTO pipeline_probe VALUES (3, 'after')`));
      handle.pool!.off('acquire', listen);
      expect(await notes()).toEqual([{ id: 3, note: 'after' }]);
      expect(notices).toEqual([]);
    },
  );

  it('rolls back the first statement (sent with BEGIN) when the work fails', async () => {
    await clear();
    await expect(
      runTransaction(handle.db, async (tx) => {
        await tx.execute(sql`INSERT INTO pipeline_probe VALUES (1, 'first')`);
        throw new Error('the rules said no');
      }),
    ).rejects.toThrow('the rules said no');
    expect(await notes()).toEqual([]);
  });

  it('keeps savepoints working inside the transaction', async () => {
    await clear();
    await runTransaction(handle.db, async (tx) => {
      await tx.execute(sql`INSERT INTO pipeline_probe VALUES (1, 'kept')`);
      await tx
        .transaction(async (sp) => {
          await sp.execute(sql`INSERT INTO pipeline_probe VALUES (2, 'undone')`);
          throw new Error('undo the savepoint');
        })
        .catch(() => undefined);
      await executeFinal(tx, sql`INSERT INTO pipeline_probe VALUES (3, 'last')`);
    });
    expect((await notes()).map((n) => n.note)).toEqual(['kept', 'last']);
  });

  it.runIf(onPostgres())(
    'refuses any statement after the final one (it would run outside the transaction)',
    async () => {
      await clear();
      const failure = await runTransaction(handle.db, async (tx) => {
        await executeFinal(tx, sql`INSERT INTO pipeline_probe VALUES (1, 'last')`);
        await tx.execute(sql`INSERT INTO pipeline_probe VALUES (2, 'too late')`);
      }).catch((error: Error) => error);
      // The final statement committed; the late one never reached the server, and the runner says so loudly.
      expect(String(failure)).toContain('committed with its final statement');
      const causes: string[] = [];
      for (let e: unknown = (failure as Error).cause; e; e = (e as Error).cause)
        causes.push(e instanceof Error ? e.message : JSON.stringify(e));
      expect(causes.join(' | ')).toContain('already committed');
      expect(await notes()).toEqual([{ id: 1, note: 'last' }]);
    },
  );

  it("runs a statement compiled once with each call's values, and answers a row as JSON", async () => {
    const statement = preparedStatement(() =>
      asOneJsonRow(
        sql`SELECT ${sql.placeholder('label')}::text AS label, ${sql.placeholder('at')}::timestamptz AS at, 2 + ${sql.placeholder('n')}::int AS total`,
      ),
    );
    const first = jsonRowOf<{ label: string; at: string; total: number }>(
      await statement(handle.db, { label: 'one', at: '2026-03-29T05:30:00.000Z', n: 1 }),
    );
    const second = jsonRowOf<{ label: string; at: string; total: number }>(
      await statement(handle.db, { label: 'two', at: '2026-03-30T05:30:00.000Z', n: 40 }),
    );
    expect([first?.label, first?.total, new Date(first!.at).toISOString()]).toEqual([
      'one',
      3,
      '2026-03-29T05:30:00.000Z',
    ]);
    expect([second?.label, second?.total, new Date(second!.at).toISOString()]).toEqual([
      'two',
      42,
      '2026-03-30T05:30:00.000Z',
    ]);
    await expect(statement(handle.db, { label: 'three', at: '2026-03-30T05:30:00.000Z' })).rejects.toThrow('n');
  });

  it('rejects an abort reason that is not a fixed word', () => {
    expect(() => abortOnFirst([{ when: sql`true`, reason: "X'); DROP TABLE x; --" }])).toThrow('abort reason');
  });
});
