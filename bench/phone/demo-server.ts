import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../src/seed/demo-accounts';

/*
 * The phone benchmarks run against the real server as a person would meet it: the built web app
 * (run `npm run build` first) and the demo studio in a fresh embedded database.
 */

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function startDemoServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-bench-phone-'));
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    BASE_URL: baseUrl,
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
  };
  delete env.DATABASE_URL; // always the embedded database
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // Seeding the demo studio takes a while on a busy machine.
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Roster exited with code ${child.exitCode}`);
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error('Roster did not start in time');
    }
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    /** A demo person's session cookie (`name=value`), signed in through the real endpoint. */
    async cookieOf(email: string): Promise<{ name: string; value: string }> {
      const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: baseUrl },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      const header = response.headers.getSetCookie().find((c) => c.includes('session_token'));
      if (!response.ok || !header) throw new Error(`sign-in failed: ${response.status}`);
      const [name, value] = header.split(';')[0]!.split('=') as [string, string];
      return { name, value };
    },
    async stop() {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
