import { Pool } from 'undici';

/*
 * The load generator's HTTP client. It shares two cores with the app and PostgreSQL, so it must
 * be light: undici's Pool.request costs about half the CPU per request of the built-in fetch
 * (measured here: 41% vs 74% of a core while driving the same server), which would otherwise be
 * taken from the server under test. pgbench's own client is C; this keeps the comparison fair.
 */
const pools = new Map<string, Pool>();

function poolFor(baseUrl: string): Pool {
  let pool = pools.get(baseUrl);
  if (!pool) {
    pool = new Pool(baseUrl, { connections: 256, pipelining: 1 });
    pools.set(baseUrl, pool);
  }
  return pool;
}

export interface BenchResponse<T> {
  status: number;
  body: T;
  ms: number;
}

/** One request with a JSON answer, timed from sending to the last byte. */
export async function benchRequest<T = unknown>(
  baseUrl: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  cookie: string,
  jsonBody?: unknown,
): Promise<BenchResponse<T>> {
  const started = performance.now();
  const response = await poolFor(baseUrl).request({
    method,
    path,
    headers: { cookie, ...(jsonBody === undefined ? {} : { 'content-type': 'application/json' }) },
    body: jsonBody === undefined ? undefined : JSON.stringify(jsonBody),
  });
  const text = await response.body.text();
  return { status: response.statusCode, body: (text ? JSON.parse(text) : null) as T, ms: performance.now() - started };
}

export async function closeBenchClients(): Promise<void> {
  await Promise.all([...pools.values()].map((pool) => pool.close()));
  pools.clear();
}
