import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../src/db/client';

/*
 * The app under benchmark runs in its own process (serve.ts), so the load generator does not
 * share its event loop; fixtures are written before it starts.
 */
export const BENCH_SECRET = 'roster-bench-secret-0123456789abcdef';
const COOKIE = 'better-auth.session_token';

/** Signed-in cookies without password hashing: a session row plus better-auth's HMAC-signed cookie. */
export async function sessionCookies(db: Database, userIds: string[]): Promise<string[]> {
  const rows = userIds.map((userId) => ({ id: randomUUID(), token: randomBytes(24).toString('base64url'), userId }));
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await db.execute(sql`
      INSERT INTO session (id, token, user_id, expires_at)
      VALUES ${sql.join(
        chunk.map((r) => sql`(${r.id}, ${r.token}, ${r.userId}, now() + interval '30 days')`),
        sql`, `,
      )}`);
  }
  return rows.map(
    (r) =>
      `${COOKIE}=${encodeURIComponent(`${r.token}.${createHmac('sha256', BENCH_SECRET).update(r.token).digest('base64')}`)}`,
  );
}

/** Starts `serve.ts` in a child process and resolves once it listens. */
export async function spawnServer(env: { DATABASE_URL?: string; PGLITE_DIR?: string; BENCH_POOL?: string }) {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_SERVER_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`] : []),
      '--import',
      'tsx',
      fileURLToPath(new URL('./serve.ts', import.meta.url)),
    ],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
