import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

const dialect = new PgDialect({ casing: 'snake_case' });
const names = new Map<string, string>();

/** The statement's text, parameters and prepared-statement name (a hash of the text, remembered per text). */
export function compilePrepared(query: SQL): { sql: string; params: unknown[]; name: string } {
  const compiled = dialect.sqlToQuery(query);
  let name = names.get(compiled.sql);
  if (name === undefined) {
    name = `roster_${createHash('sha1').update(compiled.sql).digest('base64url').slice(0, 22)}`;
    // Statement shapes are few (they vary only with the number of grants a booking draws on);
    // the bound only guards against a caller building unbounded shapes by mistake.
    if (names.size < 1000) names.set(compiled.sql, name);
  }
  return { sql: compiled.sql, params: compiled.params, name };
}

/**
 * Runs a raw statement as a named prepared statement on PostgreSQL: the server parses and plans
 * it once per connection instead of on every call. For the hot paths (the session lookup every
 * request makes, booking and cancelling), where planning the statements cost more than running
 * them (≈2 ms of 3 for a booking's locked read). The name is a hash of the SQL text, so any
 * statement shape gets its own name and two shapes never collide on one connection.
 * PGlite ignores the name and runs the statement as usual. Answers like `execute`: `{ rows }`.
 */
export async function executePrepared(db: Executor, query: SQL): Promise<{ rows: unknown[] }> {
  const compiled = compilePrepared(query);
  const prepared = db._.session.prepareQuery(compiled, undefined, compiled.name, false);
  return (await prepared.execute()) as { rows: unknown[] };
}
