import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
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

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Roster exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('Roster did not become healthy in time');
}

/**
 * Starts a Roster server on a fresh embedded database with the demo studio (the suite's own, or
 * a second one with other settings, e.g. Stripe pointed at a fake). Returns its URL and a stop.
 */
export async function startRoster(
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-browser-'));
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    BASE_URL: baseUrl,
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    // Every test signs in from 127.0.0.1; the real limit (10 a minute per address) is covered by
    // tests/api/auth.api.test.ts, so the browser suite is not slowed down by it.
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    ...extraEnv,
  };
  delete env.DATABASE_URL; // always the embedded database here
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    // The demo seed on a busy shared machine can take a while (BROWSER_SERVER_TIMEOUT_MS to wait longer).
    await waitForHealth(baseUrl, child, Number(process.env.BROWSER_SERVER_TIMEOUT_MS ?? 240_000));
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    baseUrl,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
