import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import { studioWeek, studioWeekOf, addLocalDays } from '../src/domain/time/studio-week';
import {
  benchDatabase,
  cpuSampler,
  fmt,
  latencySummary,
  processCpuSampler,
  psql,
  recreateDatabase,
} from './sessions/measure';
import { createScheduleFixture } from './sessions/schedule-fixture';
import { benchRequest, closeBenchClients, type BenchResponse } from './sessions/http-client';
import { spawnServer } from './sessions/server';

/*
 * npm run bench:schedule — the client's week view (GET /api/sessions for one studio week) with six
 * months of a real timetable (the TeamUp export, ≈1,200 sessions) and 50,000 registrations;
 * 32 signed-in clients ask for random weeks at once over real HTTP: full answers, then refreshes
 * sending the ETag they got (304 when unchanged), then the auth-only `GET /api/me` as the reference
 * for CPU per request. Run on the embedded PGlite and on PostgreSQL. Environment: BENCH_DATABASE_URL, BENCH_SECONDS (20), BENCH_WARMUP_SECONDS (5),
 * BENCH_CLIENTS (32), BENCH_DATABASES (pglite,postgres), TEAMUP_DATA (path of teamupdata.json),
 * BENCH_DB_PREFIX (roster_bench). PostgreSQL's CPU is that of the bench database's backends only
 * (other work on a shared server is not counted); PGlite runs inside the server process.
 * Issue 16's target: p95 ≤ 15 ms at 32 concurrent clients; the last line compares each phase with it.
 */
const P95_TARGET_MS = 15;
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const concurrency = Number(process.env.BENCH_CLIENTS ?? 32);
const TIME_ZONE = 'Europe/London';

async function run(kind: 'pglite' | 'postgres') {
  const pgliteDir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'roster-bench-pglite-')) : undefined;
  const databaseName = benchDatabase('schedule');
  const url = kind === 'postgres' ? recreateDatabase(adminUrl, databaseName) : undefined;
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
  const label = kind === 'pglite' ? 'PGlite    ' : 'PostgreSQL';
  try {
    // Each viewer's tag per week, from its full answers: what its browser would send on a refresh.
    const tags = new Map<string, string>();
    const results: Array<{ name: string; p95: number; server: number; postgres: number }> = [];
    const backendPids = () =>
      url
        ? psql(adminUrl, `SELECT pid FROM pg_stat_activity WHERE datname = '${databaseName}'`)
            .split('\n')
            .filter(Boolean)
            .map(Number)
        : [];
    const phase = async (name: string, request: (cookie: string) => Promise<BenchResponse<unknown>>) => {
      const latencies: number[] = [];
      let failures = 0;
      let measuring = false;
      const deadline = Date.now() + (warmupSeconds + seconds) * 1000;
      const viewer = async (cookie: string) => {
        while (Date.now() < deadline) {
          const { status, ms } = await request(cookie);
          if (!measuring) continue;
          if (status !== 200 && status !== 304) failures++;
          latencies.push(ms);
        }
      };
      const running = Promise.all(fixture.viewers.map(viewer));
      await new Promise((resolve) => setTimeout(resolve, warmupSeconds * 1000));
      const cpu = cpuSampler();
      const processCpu = processCpuSampler([server.pid], backendPids());
      const load = loadavg()[0]!;
      const from = performance.now();
      measuring = true;
      await running;
      const elapsed = (performance.now() - from) / 1000;
      const used = processCpu();
      const lat = latencySummary(latencies);
      const msPerRequest = (cpuSeconds: number) => (cpuSeconds * 1000) / Math.max(1, lat.count);
      const perRequest = (cpuSeconds: number) => fmt(msPerRequest(cpuSeconds), 2);
      results.push({
        name: name.trim(),
        p95: lat.p95,
        server: msPerRequest(used.server),
        postgres: msPerRequest(used.postgres),
      });
      console.log(
        `${label} ${name}: ${concurrency} clients, ${fmt(elapsed, 0)} s after ${warmupSeconds} s warm-up → ${fmt(lat.count / elapsed)} req/s, ` +
          `p50 ${fmt(lat.p50)} ms, p95 ${fmt(lat.p95)} ms, p99 ${fmt(lat.p99)} ms; CPU per request: server ${perRequest(used.server)} ms, ` +
          `database ${perRequest(used.postgres)} ms; failures ${failures}, machine CPU ${fmt(cpu() * 100, 0)}%, load average ${fmt(load, 1)}`,
      );
    };
    const randomWeek = () => weeks[Math.floor(Math.random() * weeks.length)]!;
    const weekPath = (w: { from: string; to: string }) => `/api/sessions?from=${w.from}&to=${w.to}`;
    let sessionsServed = 0;
    let fullAnswers = 0;
    await phase('week view, full answers      ', async (cookie) => {
      const path = weekPath(randomWeek());
      const response = await benchRequest<string>(server.baseUrl, 'GET', path, cookie, undefined, {}, false);
      if (response.status === 200) {
        // Counted, not parsed: every session in the answer has exactly one `myRegistration` key.
        sessionsServed += response.body.split('"myRegistration":').length - 1;
        fullAnswers++;
        if (response.etag) tags.set(`${cookie} ${path}`, response.etag);
      }
      return response;
    });
    let notModified = 0;
    let revalidations = 0;
    await phase('week view, 304 revalidations ', async (cookie) => {
      const path = weekPath(randomWeek());
      const tag = tags.get(`${cookie} ${path}`);
      const response = await benchRequest(
        server.baseUrl,
        'GET',
        path,
        cookie,
        undefined,
        tag ? { 'if-none-match': tag } : {},
        false,
      );
      revalidations++;
      if (response.status === 304) notModified++;
      else if (response.etag) tags.set(`${cookie} ${path}`, response.etag);
      return response;
    });
    await phase('GET /api/me (auth only)      ', (cookie) => benchRequest(server.baseUrl, 'GET', '/api/me', cookie));
    console.log(
      `${label}: ${fixture.sessions} sessions, ${fixture.registrations} registrations, ${weeks.length} weeks; ` +
        `${fmt(sessionsServed / Math.max(1, fullAnswers), 1)} sessions per week; ${fmt((notModified / Math.max(1, revalidations)) * 100, 0)}% of revalidations answered 304`,
    );
    const reference = results.find((r) => r.name.startsWith('GET /api/me'))!;
    for (const r of results.filter((x) => x !== reference)) {
      const cpu = r.server + r.postgres;
      console.log(
        `${label} ${r.name}: p95 ${fmt(r.p95)} ms vs target ≤ ${P95_TARGET_MS} ms (${r.p95 <= P95_TARGET_MS ? 'met' : 'missed'}); ` +
          `CPU per request ${fmt(r.server, 2)} + ${fmt(r.postgres, 2)} ms (server + database) = ${fmt(cpu / (reference.server + reference.postgres), 1)}× ` +
          `GET /api/me's ${fmt(reference.server, 2)} + ${fmt(reference.postgres, 2)} ms`,
      );
    }
  } finally {
    await closeBenchClients();
    await server.stop();
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
    if (url) psql(adminUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  }
}

async function main() {
  const databases = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',');
  if (databases.includes('pglite')) await run('pglite');
  if (databases.includes('postgres')) await run('postgres');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
