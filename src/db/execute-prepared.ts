import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
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

/**
 * A statement whose shape never changes, written with `sql.placeholder('name')` for its values:
 * built and compiled to SQL text once, then run (as a named prepared statement) with the values
 * of each call. For the statements every booking or request runs: compiling drizzle's SQL
 * template on every call cost ~5% of the server's CPU. A missing value throws.
 */
export function preparedStatement(build: () => SQL): (db: Executor, values: Record<string, unknown>) => Promise<{ rows: unknown[] }> {
  let compiled: ReturnType<typeof compilePrepared> | undefined;
  return async (db, values) => {
    compiled ??= compilePrepared(build());
    const prepared = db._.session.prepareQuery(compiled, undefined, compiled.name, false);
    return (await prepared.execute(values)) as { rows: unknown[] };
  };
}

/**
 * `query` (a SELECT of one row) answered as ONE json column, the row as an object (timestamps as
 * ISO strings; read it with `jsonRowOf`): node-postgres sets up a parser per column of every
 * result, which for the ~27 columns of a booking's locking read cost more of the server's CPU
 * than the JSON text does. Locking clauses inside `query` still apply.
 */
export function asOneJsonRow(query: SQL): SQL {
  return sql`SELECT row_to_json(answer) AS answer FROM (${query}) AS answer`;
}

/** The row of an `asOneJsonRow` statement, or undefined when no row matched. */
export function jsonRowOf<T>(result: { rows: unknown[] }): T | undefined {
  const answer = (result.rows[0] as { answer?: unknown } | undefined)?.answer;
  return (typeof answer === 'string' ? JSON.parse(answer) : answer) as T | undefined;
}
