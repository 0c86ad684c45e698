import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { loadConfig, type AppConfig } from '../../src/config';
import type { DatabaseHandle } from '../../src/db/client';
import { users } from '../../src/db/schema';
import type { Role } from '../../src/domain/access/roles';
import { buildApp } from '../../src/server/app';
import { createTestDatabase } from './test-database';

export const TEST_PASSWORD = 'correct-horse-battery';

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const base = loadConfig({
    BETTER_AUTH_SECRET: 'test-secret-test-secret-0123456789',
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
  });
  // Rate limits are exercised by their own test; everything else signs up freely.
  return { ...base, seedDemo: false, authRateLimitPerMinute: 10_000, ...overrides };
}

/** A movable clock for tests: `clock.set(...)`, `clock.advance(ms)`. */
export function testClock(start = new Date()) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (d: Date | string) => {
      current = new Date(d).getTime();
    },
    advance: (ms: number) => {
      current += ms;
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  clock: ReturnType<typeof testClock>;
  close(): Promise<void>;
}

export async function createTestApp(
  options: { config?: Partial<AppConfig>; now?: Date; database?: DatabaseHandle } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const clock = testClock(options.now);
  const app = await buildApp({ config: testConfig(options.config), database, now: clock.now, logger: false });
  await app.ready();
  return {
    app,
    database,
    clock,
    async close() {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  cookie: string;
}

let userCounter = 0;

export function cookieFrom(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const list = Array.isArray(header) ? header : header ? [header] : [];
  return list.map((c) => c.split(';')[0]).join('; ');
}

/** Signs up a user through the real auth endpoint, gives them a role, returns their session cookie. */
export async function createUser(app: FastifyInstance, role: Role = 'CLIENT', name?: string): Promise<TestUser> {
  userCounter += 1;
  const email = `user${userCounter}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const displayName = name ?? `${role.toLowerCase()} ${userCounter}`;
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-up/email',
    payload: { name: displayName, email, password: TEST_PASSWORD },
  });
  if (response.statusCode !== 200) throw new Error(`sign-up failed: ${response.statusCode} ${response.body}`);
  const id = (response.json() as { user: { id: string } }).user.id;
  if (role !== 'CLIENT') await app.deps.db.update(users).set({ role }).where(eq(users.id, id));
  return { id, email, name: displayName, role, cookie: cookieFrom(response) };
}

/** The headers a browser on the app's own origin sends (Origin matters for CSRF checks). */
export function browserHeaders(app: FastifyInstance, user: TestUser | null): Record<string, string> {
  return { origin: app.deps.config.baseUrl, ...(user ? { cookie: user.cookie } : {}) };
}

/** app.inject as a user (or anonymous), from the app's own origin, with a JSON body. */
export function as(app: FastifyInstance, user: TestUser | null) {
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE') => (url: string, payload?: unknown) =>
    app.inject({ method, url, payload: payload as never, headers: browserHeaders(app, user) });
  return { get: call('GET'), post: call('POST'), put: call('PUT'), patch: call('PATCH'), delete: call('DELETE') };
}
