import pg from 'pg';
import { GuardedClient } from './guarded-client';

/*
 * One PostgreSQL connection, in node-postgres's pipeline mode, shared by the short statements
 * that run outside any transaction through preparedStatement/executePrepared — today the session
 * lookup every signed-in request makes. Each statement is its own implicit transaction (a Sync
 * after each), so statements of many requests travel together: the server answers a batch of
 * them per wake-up instead of one per checkout from the pool. Measured on the booking bench:
 * signed-in requests answered twice as fast per CPU, bookings ~6% faster. The price is
 * head-of-line waiting, so only quick lookups belong here (they take no locks and never wait).
 * A lost connection fails the statements in flight; node-postgres reports it ('error', before
 * those statements' callers resume), and the next statement opens a new connection. A statement
 * the server refuses fails alone: the connection stays.
 */
export class SharedConnection {
  private ready: Promise<pg.Client> | undefined;

  constructor(private readonly config: pg.ClientConfig) {}

  async query(config: pg.QueryConfig): Promise<pg.QueryResult> {
    return (await this.connected()).query(config);
  }

  async close(): Promise<void> {
    const ready = this.ready;
    this.ready = undefined;
    await ready?.then((client) => client.end()).catch(() => undefined);
  }

  private forget(ready: Promise<pg.Client>): void {
    if (this.ready !== ready) return;
    this.ready = undefined;
    void ready.then((client) => client.end()).catch(() => undefined);
  }

  private connected(): Promise<pg.Client> {
    if (this.ready) return this.ready;
    const client = new GuardedClient({ ...this.config, pipeline: true } as pg.ClientConfig);
    const ready: Promise<pg.Client> = client.connect().then(
      () => client,
      (error: Error) => {
        forget();
        throw error;
      },
    );
    const forget = () => this.forget(ready);
    // GuardedClient logs the loss (once per outage) and keeps it from ending the process; here
    // the next statement reconnects.
    client.on('error', forget);
    client.on('end', forget);
    this.ready = ready;
    return ready;
  }
}

const sharedByPool = new WeakMap<pg.Pool, SharedConnection>();

/** Statements outside a transaction on `pool` go through `shared` (see execute-prepared.ts). */
export function shareConnectionFor(pool: pg.Pool, shared: SharedConnection): void {
  sharedByPool.set(pool, shared);
}

export function sharedConnectionOf(pool: pg.Pool): SharedConnection | undefined {
  return sharedByPool.get(pool);
}
