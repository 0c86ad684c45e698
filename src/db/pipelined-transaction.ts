import type { SQL } from 'drizzle-orm';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database, Tx } from './client';
import { compilePrepared, runCompiled, type PreparedStatement } from './execute-prepared';

/*
 * `db.transaction(work)` in two fewer round trips on PostgreSQL, for the hot paths (booking and
 * cancelling). The pool's connections run in node-postgres's pipeline mode (client.ts): a query
 * is written to the server as soon as it is issued, and the server answers each in order.
 * - BEGIN is not awaited on its own: it waits in the corked socket and leaves in the same write
 *   as the transaction's first statement (one packet, one wake-up of the server process).
 * - `executeFinal` sends the transaction's last statement together with COMMIT. If the
 *   statement fails — including when it aborts itself (statement-abort.ts) — the server turns
 *   that COMMIT into a ROLLBACK, so nothing of it is kept.
 * PGlite has no round trips to save and uses drizzle's transaction as is.
 */

/** What drizzle's node-postgres session keeps (private in its types, plain fields at run time). */
interface NodePgSessionInternals {
  client: unknown;
  dialect: ConstructorParameters<typeof NodePgSession>[1];
  schema: ConstructorParameters<typeof NodePgSession>[2];
  options: ConstructorParameters<typeof NodePgSession>[3];
}

interface Corkable {
  cork(): void;
  uncork(): void;
}

interface OpenTransaction {
  client: pg.PoolClient;
  session: NodePgSessionInternals;
  /** Set once `executeFinal` has sent COMMIT: the answer to it. */
  commit?: Promise<pg.QueryResult>;
}

const open = new WeakMap<object, OpenTransaction>();

function socketOf(client: pg.PoolClient): Corkable | undefined {
  const stream = (client as unknown as { connection?: { stream?: Partial<Corkable> } }).connection?.stream;
  return stream?.cork && stream.uncork ? (stream as Corkable) : undefined;
}

/** A connection handed to a transaction that has already been sent its COMMIT. */
const committedClient = {
  query() {
    throw new Error('This transaction was already committed by its final statement; nothing may run after it');
  },
};

export async function runTransaction<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  const outerSession: unknown = db._.session;
  if (!(outerSession instanceof NodePgSession)) return db.transaction(work);
  const outer = outerSession as unknown as NodePgSessionInternals;
  if (!(outer.client instanceof pg.Pool)) return db.transaction(work);

  const client = await outer.client.connect();
  let broken: Error | undefined;
  try {
    // Issued synchronously, before `work` can issue anything: nothing of it can reach the
    // server ahead of BEGIN. It fails only with a broken connection, and so would all behind it.
    const socket = socketOf(client);
    socket?.cork();
    const begun = client.query('BEGIN');
    // Uncorked once the work has issued its first statement (promise jobs run before this).
    setImmediate(() => socket?.uncork());
    begun.catch(() => undefined); // observed below; meanwhile not an unhandled rejection
    // Without the relational schema: building drizzle's `tx.query.<table>` builders for every
    // table cost 3.5% of the server's CPU per booking, and no service uses them (SQL and query
    // builders only). A service that starts to must pass `outer.schema` here.
    const session = new NodePgSession(client, outer.dialect, undefined, outer.options);
    const tx = new NodePgTransaction(outer.dialect, session, undefined) as unknown as Tx;
    const state: OpenTransaction = { client, session: session as unknown as NodePgSessionInternals };
    open.set(tx, state);
    try {
      const result = await work(tx);
      await begun;
      const committed = await (state.commit ?? client.query('COMMIT'));
      if (committed.command !== 'COMMIT')
        throw new Error(`The transaction ended with ${committed.command} instead of COMMIT`);
      return result;
    } catch (error) {
      if (state.commit) {
        const ended = await state.commit.then(
          (r) => r.command,
          (commitError: Error) => commitError,
        );
        // A bug, loudly: the final statement must carry every check (as aborts), for once its
        // COMMIT is sent nothing after it can undo the transaction.
        if (ended === 'COMMIT')
          throw new Error('The transaction committed with its final statement, then its work failed', { cause: error });
        // The server already ended the transaction (its COMMIT became a ROLLBACK when the final
        // statement failed): no ROLLBACK of ours, which would only log "there is no transaction
        // in progress" in PostgreSQL's log for every refusal. A COMMIT that got no answer means
        // the connection is gone: the pool discards it.
        if (ended instanceof Error) broken = ended;
        throw error;
      }
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    }
  } finally {
    // A connection whose ROLLBACK failed is in an unknown state: the pool discards it.
    client.release(broken);
  }
}

/**
 * Runs `query` as the last statement of `tx` (a named prepared statement, as executePrepared;
 * or a `preparedStatement` with its values), sending COMMIT right behind it when `tx` came from
 * `runTransaction` on PostgreSQL. Nothing may run on `tx` afterwards; trying to throws.
 * Elsewhere it is a plain statement and the transaction commits when its work returns.
 */
export async function executeFinal(
  tx: Tx,
  query: SQL | PreparedStatement,
  values: Record<string, unknown> = {},
): Promise<{ rows: unknown[] }> {
  const { statement, params } = typeof query === 'function' ? query.bind(values) : withParams(compilePrepared(query));
  const state = open.get(tx);
  if (!state || state.commit) return runCompiled(tx, statement, params);
  const socket = socketOf(state.client);
  socket?.cork();
  const result = state.client.query({ name: statement.name, text: statement.sql, values: params });
  state.commit = state.client.query('COMMIT');
  socket?.uncork();
  state.commit.catch(() => undefined); // observed by runTransaction
  state.session.client = committedClient;
  return result;
}

const withParams = (statement: ReturnType<typeof compilePrepared>) => ({ statement, params: statement.params });
