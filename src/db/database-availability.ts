/*
 * One log line per database outage, not one per request or per connection: the first sign of
 * trouble (a lost connection, a request that could not reach the database) is logged, later
 * ones are not until a new connection succeeds — which is logged too. Process-wide: every pool
 * of the process talks to the same server in production.
 */
let downSince: Date | undefined;

/** Where the lines go: the server's logger once it has one (logDatabaseOutagesTo), stderr before. */
interface OutageLog {
  error(details: Record<string, unknown>, line: string): void;
  info(details: Record<string, unknown>, line: string): void;
}
let log: OutageLog = {
  error: (details, line) => console.error(line, JSON.stringify(details)),
  info: (details, line) => console.error(line, JSON.stringify(details)),
};

export function logDatabaseOutagesTo(logger: OutageLog): void {
  log = logger;
}

/** Records that the database could not be reached; logs only the first report of an outage. */
export function reportDatabaseUnavailable(error: unknown): void {
  if (downSince) return;
  downSince = new Date();
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  log.error(
    {
      code: typeof code === 'string' ? code : undefined,
      reason: typeof message === 'string' ? message : String(error),
    },
    'PostgreSQL connection lost or refused; requests caught answer 503, and further failures are not logged until a connection succeeds',
  );
}

/** Records that a connection succeeded; logs the end of an outage once. */
export function reportDatabaseReachable(): void {
  if (!downSince) return;
  const downForMs = Date.now() - downSince.getTime();
  downSince = undefined;
  log.info({ downForMs }, 'PostgreSQL reachable again');
}
