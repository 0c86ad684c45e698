import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/db/client';
import { buildApp } from '../../src/server/app';
import { BENCH_SECRET } from './server';

/** Child process of the benchmarks: the real app on an ephemeral port; prints {"port":…}. */
async function main() {
  const config = {
    ...loadConfig({
      BETTER_AUTH_SECRET: BENCH_SECRET,
      LOG_LEVEL: 'silent',
      JOBS_ENABLED: 'false',
    }),
    seedDemo: false,
  };
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.PGLITE_DIR,
    poolSize: Number(process.env.BENCH_POOL ?? 64),
  });
  const app = await buildApp({ config, database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
  process.on('SIGTERM', () => {
    void app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0));
  });
}

void main();
