import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client';
import { withDatabase } from './global-setup';

export const onPostgres = (): boolean => inject('postgresTemplate') !== null;

/**
 * A fresh, migrated database for one test file (or one test): PGlite in memory by default, a
 * clone of the migrated template on PostgreSQL when TEST_DATABASE_URL is set. Close it after.
 */
export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<DatabaseHandle> {
  const postgres = inject('postgresTemplate');
  if (!postgres) {
    const tarball = readFileSync(inject('pgliteTemplatePath'));
    return openDatabase({ loadDataDir: new Blob([tarball]) });
  }
  const name = `roster_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${postgres.templateDb}`);
  } finally {
    await admin.end();
  }
  const handle = await openDatabase({
    databaseUrl: withDatabase(postgres.url, name),
    poolSize: options.poolSize ?? 10,
  });
  // No error listener of its own here: a lost connection must be handled by the app itself
  // (client.ts), and tests/integration/connection-loss.integration.test.ts checks that it is.
  return {
    ...handle,
    async close() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: postgres.url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => dropper.end());
    },
  };
}
