/*
 * Raw SQL results, for the measured hot paths that use raw SQL (docs/architecture.md). Cold paths
 * use the query builder, whose results are typed by the schema.
 */

/**
 * The rows of a raw `tx.execute(sql…)` result: node-postgres and PGlite both answer `{ rows }`.
 * The row type is the caller's word for what its SELECT list returns; nothing checks it.
 */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? [];
}

/** Raw rows give timestamps as Date (node-postgres, PGlite) — or as strings on some paths. */
export function asDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}
export function asDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : asDate(value);
}
