import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/server/app';
import { testConfig } from './test-app';
import { createTestDatabase } from './test-database';

/**
 * The real app with its real logger (info level) writing each line into `lines`, for tests that
 * read what the server logs. Built before the file's tests and closed after them.
 */
export function useAppWithLogLines(): { lines: string[]; app: () => FastifyInstance } {
  const lines: string[] = [];
  let app: FastifyInstance | undefined;
  let close = async () => {};
  beforeAll(async () => {
    const database = await createTestDatabase();
    app = await buildApp({
      config: testConfig({ logLevel: 'info' }),
      database,
      logStream: { write: (line) => void lines.push(line) },
    });
    close = async () => {
      await app?.close();
      await database.close();
    };
  });
  afterAll(() => close());
  return { lines, app: () => app! };
}
