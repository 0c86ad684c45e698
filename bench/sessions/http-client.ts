import { Pool } from 'undici';

/*
 * The load generator's HTTP client. It shares two cores with the app and PostgreSQL, so it must
 * be light: undici's Pool costs about half the CPU per request of the built-in fetch (measured
 * here: 41% vs 74% of a core while driving the same server), which would otherwise be taken from
 * the server under test. pgbench's own client is C; this keeps the comparison fair.
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
  /** The response's ETag header, if any. */
  etag?: string;
}

/**
 * One request with a JSON answer, timed from sending to the last byte. Through undici's
 * `dispatch` (its lowest public level): no response stream or body mixin per request, which
 * halves the generator's CPU per request compared with `Pool.request` — CPU the server under test
 * and PostgreSQL get instead (pgbench's client, the other side of the ratio, is lean C).
 */
export function benchRequest<T = unknown>(
  baseUrl: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  cookie: string,
  jsonBody?: unknown,
  extraHeaders: Record<string, string> = {},
  /** false: answer the body as text, unparsed (a load generator sharing the cores spends less). */
  parse = true,
): Promise<BenchResponse<T>> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let status = 0;
    let etag: string | undefined;
    const chunks: Buffer[] = [];
    poolFor(baseUrl).dispatch(
      {
        method,
        path,
        headers: { cookie, ...extraHeaders, ...(jsonBody === undefined ? {} : { 'content-type': 'application/json' }) },
        body: jsonBody === undefined ? undefined : JSON.stringify(jsonBody),
      },
      // The callback style this Pool's dispatch takes in undici 7 (its newer controller-style
      // handlers are accepted only through interceptors).
      {
        onConnect: () => undefined,
        onHeaders: (statusCode, rawHeaders) => {
          status = statusCode;
          for (let i = 0; i + 1 < rawHeaders.length; i += 2)
            if (String(rawHeaders[i]).toLowerCase() === 'etag') etag = String(rawHeaders[i + 1]);
          return true;
        },
        onData: (chunk) => {
          chunks.push(chunk);
          return true;
        },
        onComplete: () => {
          // Timed at the last byte: parsing the answer is the client's work, not the server's.
          const ms = performance.now() - started;
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status, body: (parse && text ? JSON.parse(text) : text || null) as T, ms, etag });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        },
        onError: (error) => reject(error),
      },
    );
  });
}

export async function closeBenchClients(): Promise<void> {
  await Promise.all([...pools.values()].map((pool) => pool.close()));
  pools.clear();
}
