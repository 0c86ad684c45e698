import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client';
import { isDatabaseUnavailable } from '../../src/db/connection-errors';
import { buildApp } from '../../src/server/app';
import { testConfig } from '../support/test-app';

/*
 * A database that cannot be reached (here: nothing listens on the port, as during a restart or
 * an outage) answers 503 with the error shape, /api/health says so, and the log gets one line for
 * the outage rather than a stack trace per request. Needs no PostgreSQL server.
 */
const lines: string[] = [];
let app: FastifyInstance;
let database: DatabaseHandle;

beforeAll(async () => {
  database = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/roster', poolSize: 2 });
  app = await buildApp({
    config: testConfig({ logLevel: 'info' }),
    database,
    logStream: { write: (line) => void lines.push(line) },
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('a database outage', () => {
  it('answers 503 DATABASE_UNAVAILABLE, on /api/health too, and logs one line for the whole outage', async () => {
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json().error.code).toBe('DATABASE_UNAVAILABLE');
    expect(health.json().error.message).toMatch(/database/i);

    const answers = await Promise.all(
      Array.from({ length: 5 }, () => app.inject({ method: 'GET', url: '/api/health' })).concat(
        app.inject({ method: 'GET', url: '/api/sessions', headers: { cookie: 'better-auth.session_token=x.y' } }),
      ),
    );
    for (const answer of answers) {
      expect(answer.statusCode).toBe(503);
      expect(answer.json()).toEqual({ error: { code: 'DATABASE_UNAVAILABLE', message: expect.any(String) } });
    }

    const outageLines = lines.filter((line) => line.includes('PostgreSQL connection lost or refused'));
    expect(outageLines).toHaveLength(1);
    expect(lines.join('')).not.toMatch(/"stack"|unhandled error/);
  });

  it('tells a lost or refused connection from a statement the database refused', () => {
    expect(
      isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe(true);
    expect(
      isDatabaseUnavailable(Object.assign(new Error('the database system is starting up'), { code: '57P03' })),
    ).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('connection failure'), { code: '08006' }))).toBe(true);
    expect(
      isDatabaseUnavailable(
        new Error('Failed query', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('Something else'))).toBe(false);
  });
});
