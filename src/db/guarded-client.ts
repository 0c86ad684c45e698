import pg from 'pg';
import { reportDatabaseReachable, reportDatabaseUnavailable } from './database-availability';

/*
 * A node-postgres client with an 'error' listener for its whole life. node-postgres emits
 * 'error' when the connection dies (a restart, a failover, pg_terminate_backend), and an
 * EventEmitter without a listener turns that into an uncaught exception that ends the process.
 * pg-pool listens only while a client sits idle in the pool and removes its listener when it
 * hands the client out — exactly when a transaction is using it. The queries in flight fail on
 * their own (their callers answer 503); the pool discards the dead client when it is released
 * (pg-pool checks that it is still queryable), and the next checkout opens a new connection.
 * Every connection the app opens is one of these: the pool's (transactions, drizzle, better-auth,
 * migrations, jobs) and the shared pipelined connection.
 */
export class GuardedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    // A server that does not answer (a failover in progress, a dropped network) fails the new
    // connection after 5 s (its request answers 503) instead of holding the request for minutes.
    super(
      typeof config === 'string'
        ? { connectionString: config, connectionTimeoutMillis: 5_000 }
        : { connectionTimeoutMillis: 5_000, ...config },
    );
    this.on('error', (error: Error) => reportDatabaseUnavailable(error));
    // A refused connection is reported by the request or job that needed it; a success ends an outage.
    this.on('connect', reportDatabaseReachable);
  }
}
