import { resolve } from 'node:path';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { allJobs } from '../jobs/all-jobs';
import { startScheduler } from '../jobs/scheduler';
import { ensureAdminAccount } from '../services/auth/ensure-admin';
import { isEmptyStudio, seedDemoStudio } from '../seed/seed-demo';
import { buildApp } from './app';

async function main() {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : resolve(config.dataDir),
  });
  await runMigrations(database);
  const app = await buildApp({ config, database });
  const log = app.log;
  log.info(
    { db: database.kind, dataDir: database.kind === 'pglite' ? resolve(config.dataDir) : undefined },
    'database ready',
  );

  if (config.seedDemo && (await isEmptyStudio(database.db))) {
    await seedDemoStudio(database.db, app.deps.auth, new Date());
    log.info('demo studio created (accounts are listed in the README)');
  }
  if (config.admin) await ensureAdminAccount(database.db, app.deps.auth, config.admin);

  const stopJobs = config.jobsEnabled ? startScheduler(allJobs(app.deps), log) : () => undefined;
  await app.listen({ port: config.port, host: config.host });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    stopJobs();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
