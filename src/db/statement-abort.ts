import { sql, type SQL } from 'drizzle-orm';
import { postgresErrorOf, SQLSTATE } from './errors';

/*
 * A write statement that checks, part-way, what it was planned on (a grant's balance, "the client
 * holds no place here yet") and must abort when a check fails: it calls the database function
 * `roster_abort(reason)` (migration 0008), which raises SQLSTATE RA001 with the reason as its
 * message. The statement — and the transaction it is in — is then rolled back whole, on the
 * server, before the app has even read the answer; this is what lets such a statement travel
 * together with its COMMIT (pipelined-transaction.ts).
 */

/**
 * A boolean expression that aborts the statement with the reason of the first check that holds
 * (checked in order: CASE evaluates its branches one by one), and is true when none does.
 * Reasons are fixed words (A–Z and _), written into the SQL text, so the statement stays one shape.
 */
export function abortOnFirst(checks: ReadonlyArray<{ when: SQL; reason: string }>): SQL {
  const branches = checks.map(({ when, reason }) => {
    if (!/^[A-Z_]+$/.test(reason)) throw new Error(`abort reason must be A–Z and _: ${reason}`);
    return sql`WHEN ${when} THEN roster_abort('${sql.raw(reason)}')`;
  });
  return sql`CASE ${sql.join(branches, sql` `)} ELSE true END`;
}

/** The reason a statement aborted itself with (`abortWhen`), or undefined for any other error. */
export function abortReason(error: unknown): string | undefined {
  const pg = postgresErrorOf(error);
  return pg?.code === SQLSTATE.statementAborted ? pg.message : undefined;
}
