import type { Database, Tx } from './client';
import { isRetryable } from './errors';
import { runTransaction } from './pipelined-transaction';

const MAX_ATTEMPTS = 3;

/**
 * The transaction every use case that takes row locks runs in. It is retried (a few times) when
 * PostgreSQL picks it as a deadlock victim or fails it for serialization: every path locks in a
 * fixed order (ADR 0008), so deadlocks should not happen, and this keeps a rare one from reaching
 * a client as a 500. The work runs again from the start, so it must do nothing outside the
 * database, and inside it use only `tx` (a query on `db` waits forever on PGlite's one
 * connection). `attempt` (1, 2, 3) lets it read more carefully the second time.
 */
export async function inTransaction<T>(db: Database, work: (tx: Tx, attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runTransaction(db, (tx) => work(tx, attempt));
    } catch (error) {
      const retryable = error instanceof ReadWentStale || isRetryable(error);
      if (attempt < MAX_ATTEMPTS && retryable) continue;
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
