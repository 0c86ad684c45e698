import type { Database, Tx } from '../../db/client';
import { runTransaction } from '../../db/pipelined-transaction';

/** PostgreSQL's "try again" errors: a deadlock victim or a serialization failure. */
const RETRYABLE = new Set(['40P01', '40001']);

function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * A transaction that is retried (a few times) when PostgreSQL picks it as a deadlock victim.
 * Every path locks a session row before any client's rows, so deadlocks should not happen;
 * this keeps a rare one from reaching a client as a 500. The work runs again from the start,
 * so it must do nothing outside the database; `attempt` (1, 2, 3) lets it read more carefully
 * the second time.
 */
export async function inTransaction<T>(db: Database, work: (tx: Tx, attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runTransaction(db, (tx) => work(tx, attempt));
    } catch (error) {
      const retryable = error instanceof ReadWentStale || RETRYABLE.has(sqlState(error) ?? '');
      if (attempt < 3 && retryable) continue;
      throw error instanceof ReadWentStale ? error.refusal : error;
    }
  }
}

/**
 * A write found that rows read earlier in the transaction had changed meanwhile (its guarded
 * update matched fewer rows than planned). The transaction rolls back and runs again, reading
 * afresh; if it keeps happening the client gets `refusal`.
 */
export class ReadWentStale extends Error {
  constructor(readonly refusal: Error) {
    super(refusal.message);
  }
}

/** The rows of a raw `tx.execute(sql…)` result: node-postgres and PGlite both answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** Raw rows give timestamps as Date (node-postgres, PGlite) — or as strings on some paths. */
export function asDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}
export function asDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : asDate(value);
}
