import { resolve } from 'node:path';
import { loadConfig } from '../config';
import { openDatabase } from './client';
import { runMigrations } from './migrate';

/*
 * `npm run db:migrate`: apply the migrations to the configured database (DATABASE_URL, or the
 * embedded one in DATA_DIR — stop the server first, PGlite allows one process per data dir) and
 * exit. The server also migrates at start-up; this is for deploying the schema ahead of the code.
 */
const config = loadConfig();
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.databaseUrl ? undefined : resolve(config.dataDir),
});
try {
  await runMigrations(database);
  console.log(`Migrations applied (${database.kind}).`);
} finally {
  await database.close();
}
