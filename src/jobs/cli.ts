import { resolve } from 'node:path';
import { loadConfig } from '../config';
import { openDatabase, type Database } from '../db/client';
import { runMigrations } from '../db/migrate';
import { allocateCredits } from './credits-jobs';

/**
 * Runs one job by hand against the configured database: `npm run jobs:<name>` →
 * `tsx src/jobs/cli.ts <job>`. With the embedded database, stop the server first (PGlite
 * allows one process per data directory).
 */
const HAND_RUN_JOBS: Record<string, (db: Database, now: Date) => Promise<unknown>> = {
  'allocate-credits': allocateCredits,
};

async function main() {
  const name = process.argv[2] ?? '';
  const job = HAND_RUN_JOBS[name];
  if (!job) {
    console.error(`Unknown job "${name}". Known jobs: ${Object.keys(HAND_RUN_JOBS).join(', ')}`);
    process.exit(2);
  }
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : resolve(config.dataDir),
  });
  try {
    await runMigrations(database);
    const result = await job(database.db, new Date());
    console.log(JSON.stringify({ job: name, result }));
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
