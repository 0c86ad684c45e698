import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import { studioWeek, studioWeekOf, addLocalDays } from '../src/domain/time/studio-week';
import { cpuSampler, fmt, latencySummary, psql, recreateDatabase } from './sessions/measure';
import { createScheduleFixture } from './sessions/schedule-fixture';
import { benchRequest, closeBenchClients } from './sessions/http-client';
import { spawnServer } from './sessions/server';

/*
 * npm run bench:schedule — the client's week view (GET /api/sessions for one studio week) with six
 * months of a real timetable (the TeamUp export, ≈1,200 sessions) and 50,000 registrations;
 * 32 signed-in clients ask for random weeks at once over real HTTP. Run on the embedded PGlite
 * and on PostgreSQL. Environment: BENCH_DATABASE_URL, BENCH_SECONDS (20), BENCH_WARMUP_SECONDS (5),
 * BENCH_CLIENTS (32), TEAMUP_DATA (path of teamupdata.json).
 */
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const concurrency = Number(process.env.BENCH_CLIENTS ?? 32);
const TIME_ZONE = 'Europe/London';

async function run(kind: 'pglite' | 'postgres') {
  const pgliteDir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'roster-bench-pglite-')) : undefined;
  const url = kind === 'postgres' ? recreateDatabase(adminUrl, 'roster_bench_schedule') : undefined;
  const handle = await openDatabase({ databaseUrl: url, dataDir: pgliteDir, poolSize: 4 });
  await runMigrations(handle);
  const fixture = await createScheduleFixture(handle.db, {
    clients: 2000,
    registrations: 50_000,
    viewers: concurrency,
  });
  await handle.close(); // PGlite: one process at a time; the server opens it next
  const weeks: Array<{ from: string; to: string }> = [];
  for (
    let week = studioWeekOf(fixture.first, TIME_ZONE);
    studioWeek(week, TIME_ZONE).startsAt <= fixture.last;
    week = addLocalDays(week, 7)
  ) {
    const w = studioWeek(week, TIME_ZONE);
    weeks.push({ from: w.startsAt.toISOString(), to: w.endsAt.toISOString() });
  }
  const server = await spawnServer({ DATABASE_URL: url, PGLITE_DIR: pgliteDir, BENCH_POOL: '32' });
  try {
    const latencies: number[] = [];
    let sessionsServed = 0;
    let failures = 0;
    let measuring = false;
    const deadline = Date.now() + (warmupSeconds + seconds) * 1000;
    const viewer = async (cookie: string) => {
      while (Date.now() < deadline) {
        const week = weeks[Math.floor(Math.random() * weeks.length)]!;
        const { status, body, ms } = await benchRequest<unknown[]>(
          server.baseUrl,
          'GET',
          `/api/sessions?from=${week.from}&to=${week.to}`,
          cookie,
        );
        if (!measuring) continue;
        if (status !== 200) failures++;
        else sessionsServed += body.length;
        latencies.push(ms);
      }
    };
    const running = Promise.all(fixture.viewers.map(viewer));
    await new Promise((resolve) => setTimeout(resolve, warmupSeconds * 1000));
    const cpu = cpuSampler();
    const from = performance.now();
    measuring = true;
    await running;
    const elapsed = (performance.now() - from) / 1000;
    const lat = latencySummary(latencies);
    console.log(
      `${kind === 'pglite' ? 'PGlite    ' : 'PostgreSQL'}: ${fixture.sessions} sessions, ${fixture.registrations} registrations, ${weeks.length} weeks; ` +
        `${concurrency} clients for ${fmt(elapsed, 0)} s after ${warmupSeconds} s warm-up → ${fmt(lat.count / elapsed)} requests/s, ` +
        `p50 ${fmt(lat.p50)} ms, p95 ${fmt(lat.p95)} ms, p99 ${fmt(lat.p99)} ms, ${fmt(sessionsServed / Math.max(1, lat.count - failures), 1)} sessions per week, ` +
        `failures ${failures}, machine CPU ${fmt(cpu() * 100, 0)}%`,
    );
  } finally {
    await closeBenchClients();
    await server.stop();
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
    if (url) psql(adminUrl, 'DROP DATABASE IF EXISTS roster_bench_schedule WITH (FORCE)');
  }
}

async function main() {
  await run('pglite');
  await run('postgres');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
