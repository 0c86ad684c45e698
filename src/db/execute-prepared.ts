import { createHash } from 'node:crypto';
import { fillPlaceholders, sql, type SQL } from 'drizzle-orm';
import { NodePgSession } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Executor } from './client';
import { sharedConnectionOf } from './shared-connection';

const dialect = new PgDialect({ casing: 'snake_case' });
const names = new Map<string, string>();

/** A statement compiled to SQL text: its parameters (values, or placeholders still to fill) and prepared-statement name. */
export interface CompiledStatement {
  sql: string;
  params: unknown[];
  name: string;
}

/** The statement's text, parameters and prepared-statement name (a hash of the text, remembered per text). */
export function compilePrepared(query: SQL): CompiledStatement {
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

/*
 * On PostgreSQL the statement goes straight to node-postgres, as drizzle would send it (same
 * name, text, values and type parsers: timestamps and dates stay strings), without the objects
 * drizzle builds around every call (a prepared-query wrapper with its own parser closures, its
 * tracing spans and cache lookup): for the statements every request runs, that was ~5% of the
 * server's CPU. PGlite goes through drizzle.
 */
const rawTypeIds = new Set([
  pg.types.builtins.TIMESTAMPTZ,
  pg.types.builtins.TIMESTAMP,
  pg.types.builtins.DATE,
  pg.types.builtins.INTERVAL,
  1231, // numeric[]
  1115, // timestamp[]
  1185, // timestamptz[]
  1187, // interval[]
  1182, // date[]
]);
const asText = (value: string) => value;
const drizzleTypeParsers = {
  getTypeParser: ((typeId: number, format?: 'text' | 'binary') =>
    rawTypeIds.has(typeId)
      ? asText
      : (pg.types.getTypeParser(typeId, format) as (
          value: string,
        ) => unknown)) as pg.CustomTypesConfig['getTypeParser'],
};

interface Queryable {
  query(config: pg.QueryConfig): Promise<pg.QueryResult>;
}

/**
 * Where a statement on `db` goes: inside a transaction its connection; outside one, the pool's
 * shared pipelined connection (shared-connection.ts) when it has one, else the pool. Undefined
 * for PGlite.
 */
function nodePgClientOf(db: Executor): Queryable | undefined {
  const session: unknown = db._.session;
  if (!(session instanceof NodePgSession)) return undefined;
  const client = (session as unknown as { client: Queryable }).client;
  return (client instanceof pg.Pool && sharedConnectionOf(client)) || client;
}

/** Runs a compiled statement (its placeholders already filled) as a named prepared statement. */
export async function runCompiled(
  db: Executor,
  statement: { sql: string; name: string },
  params: unknown[],
): Promise<{ rows: unknown[] }> {
  const client = nodePgClientOf(db);
  if (client)
    return client.query({ name: statement.name, text: statement.sql, values: params, types: drizzleTypeParsers });
  const prepared = db._.session.prepareQuery({ sql: statement.sql, params }, undefined, statement.name, false);
  return (await prepared.execute()) as { rows: unknown[] };
}

/**
 * Runs a raw statement as a named prepared statement on PostgreSQL: the server parses and plans
 * it once per connection instead of on every call. For the hot paths (the session lookup every
 * request makes, booking and cancelling), where planning the statements cost more than running
 * them (≈2 ms of 3 for a booking's locked read). The name is a hash of the SQL text, so any
 * statement shape gets its own name and two shapes never collide on one connection.
 * PGlite ignores the name and runs the statement as usual. Answers like `execute`: `{ rows }`.
 * Outside a transaction it runs on the shared pipelined connection: keep such statements quick.
 */
export async function executePrepared(db: Executor, query: SQL): Promise<{ rows: unknown[] }> {
  const compiled = compilePrepared(query);
  return runCompiled(db, compiled, compiled.params);
}

export interface PreparedStatement {
  (db: Executor, values: Record<string, unknown>): Promise<{ rows: unknown[] }>;
  /** The statement with this call's values, for a caller that sends it itself (executeFinal). */
  bind(values: Record<string, unknown>): { statement: CompiledStatement; params: unknown[] };
}

/**
 * A statement whose shape never changes, written with `sql.placeholder('name')` for its values:
 * built and compiled to SQL text once, then run (as a named prepared statement) with the values
 * of each call. For the statements every booking or request runs: compiling drizzle's SQL
 * template on every call cost ~5% of the server's CPU. A missing value throws. Outside a
 * transaction it runs on the shared pipelined connection (shared-connection.ts): lookups only.
 */
export function preparedStatement(build: () => SQL): PreparedStatement {
  let compiled: CompiledStatement | undefined;
  const bind = (values: Record<string, unknown>) => {
    compiled ??= compilePrepared(build());
    return { statement: compiled, params: fillPlaceholders(compiled.params, values) };
  };
  const run = async (db: Executor, values: Record<string, unknown>) => {
    const bound = bind(values);
    return runCompiled(db, bound.statement, bound.params);
  };
  return Object.assign(run, { bind });
}

/**
 * A family of preparedStatement whose shape depends on one small number (how many grants a
 * booking draws on, say): each shape built and compiled on first use, then remembered.
 */
export function preparedStatements(build: (shape: number) => SQL): (shape: number) => PreparedStatement {
  const shapes = new Map<number, PreparedStatement>();
  return (shape) => {
    let statement = shapes.get(shape);
    if (!statement) {
      statement = preparedStatement(() => build(shape));
      // Shapes are few (a booking rarely draws on more than two grants); the bound guards memory.
      if (shapes.size < 64) shapes.set(shape, statement);
    }
    return statement;
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
