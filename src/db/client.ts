import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';
import { reportDatabaseUnavailable } from './database-availability';
import { GuardedClient } from './guarded-client';
import { SharedConnection, shareConnectionFor } from './shared-connection';

export type Schema = typeof schema;
/** One type for both drivers: services are written once against it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** The handle inside `db.transaction(async (tx) => …)`. Inside a transaction use only `tx`. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Either the database or a transaction: for reads and writes that may join a caller's transaction. */
export type Executor = Database | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** Present for PostgreSQL: the pool, for work that needs its own connection (advisory locks). */
  pool?: pg.Pool;
  /** Present for PGlite: the embedded instance. */
  pglite?: PGlite;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string;
  /** PGlite data directory; omitted = in-memory. */
  dataDir?: string;
  /** A PGlite data-dir tarball to start from (tests copy a migrated template this way). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    // Pipeline mode: a query goes to the server as soon as it is issued, so a transaction's BEGIN
    // need not wait for its answer (pipelined-transaction.ts). Awaited queries behave as without it.
    // No idle timeout: the pool keeps its connections (at most `max`) rather than closing them
    // after 10 s idle. pg-pool arms a timer on every release and clears it on every checkout,
    // two of each per booking request: ~4% of the server's CPU under load.
    // Every connection is a GuardedClient: a connection lost mid-transaction fails only its own
    // queries and never ends the process (guarded-client.ts). No pool-level connectionTimeoutMillis:
    // pg-pool would arm and clear a timer on every checkout (the cost removed above); opening a
    // new connection has its own 5 s limit (GuardedClient).
    const poolConfig: pg.PoolConfig & { pipeline: boolean } = {
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 20,
      pipeline: true,
      idleTimeoutMillis: 0,
      Client: GuardedClient,
    };
    const pool = new pg.Pool(poolConfig);
    const shared = new SharedConnection(poolConfig);
    shareConnectionFor(pool, shared);
    // An idle connection dropped by the server (restart, failover): the pool has already removed
    // it and opens a new one on the next checkout. Logged once per outage.
    pool.on('error', (error) => reportDatabaseUnavailable(error));
    const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Database;
    return { db, kind: 'postgres', pool, close: () => shared.close().then(() => pool.end()) };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // btree_gist backs the appointments' exclusion constraint (coach WITH =, busy range WITH &&).
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { btree_gist },
  });
  const db = drizzlePglite(pglite, { schema, casing: 'snake_case' }) as unknown as Database;
  return { db, kind: 'pglite', pglite, close: () => pglite.close() };
}
