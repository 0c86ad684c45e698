import { openDatabase } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import { bookingViolations, createBookingFixture, seqScans, walWritten } from './sessions/booking-fixture';
import {
  benchDatabase,
  cpuSampler,
  fmt,
  processCpuSampler,
  latencySummary,
  psql,
  recreateDatabase,
  runPgbench,
} from './sessions/measure';
import { closeBenchClients, benchRequest } from './sessions/http-client';
import { spawnServer } from './sessions/server';

/*
 * npm run bench:booking — booking on PostgreSQL over real HTTP, against pgbench's ceiling.
 *   1. A class drop: 200 clients with one credit each race for 15 places of one session.
 *   2. Sustained booking and cancelling across many sessions by concurrent clients
 *      (warm-up first, then measured), with latency percentiles and whole-machine CPU.
 *   3. Every invariant checked in SQL afterwards; hot-table sequential scans reported.
 *   4. pgbench (TPC-B-like, -c 16 -j 2, scale 10) on the same server in the same run, before the
 *      app starts and after it stops; the ratio is taken to their mean, because this machine's
 *      speed drifts by tens of percent within minutes and one reading at one end would carry it.
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_SECONDS (30), BENCH_WARMUP_SECONDS (10), BENCH_WORKERS (64), BENCH_SESSIONS (300),
 * BENCH_INSTANCES (2 app processes: Node runs one per core, and one process alone left a fifth of
 * this 2-core machine idle while its event loop was the bottleneck — 2 measured ~20% faster),
 * BENCH_POOL (8 transaction connections per instance; the session lookups share one more
 * connection. Measured: 3 → 0.35 of pgbench, 4 → 0.38, 5–6 → 0.39–0.40, 8–16 → 0.42: fewer
 * made transactions queue for a connection), BENCH_AUTH_SECONDS (10),
 * PGBENCH_SECONDS (20), BENCH_SERVER_PROFILE (a directory: CPU-profile the server).
 */
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const workers = Number(process.env.BENCH_WORKERS ?? 64);
const pool = process.env.BENCH_POOL ?? '8';
const pgbenchSeconds = Number(process.env.PGBENCH_SECONDS ?? 20);
const authSeconds = Number(process.env.BENCH_AUTH_SECONDS ?? 10);
const instances = Number(process.env.BENCH_INSTANCES ?? 2);

type BookingAnswer = { status?: string; waitlistPosition?: number; error?: { code: string } };

function request(baseUrl: string, cookie: string, method: 'POST' | 'DELETE', path: string) {
  return benchRequest<BookingAnswer>(baseUrl, method, path, cookie, method === 'POST' ? {} : undefined);
}

/** "none", or each refused status and code with its count, e.g. "500 INTERNAL_ERROR ×3". */
function summarizeRefusals(responses: Array<{ status: number; body: BookingAnswer }>): string {
  const counts = new Map<string, number>();
  for (const r of responses.filter((x) => x.status !== 201))
    counts.set(`${r.status} ${r.body?.error?.code}`, (counts.get(`${r.status} ${r.body?.error?.code}`) ?? 0) + 1);
  return counts.size ? [...counts].map(([k, v]) => `${k} ×${v}`).join(', ') : 'none';
}

async function main() {
  const url = recreateDatabase(adminUrl, benchDatabase('booking'));
  const handle = await openDatabase({ databaseUrl: url, poolSize: 4 });
  await runMigrations(handle);
  const fixture = await createBookingFixture(
    handle.db,
    { dropClients: 200, workers, clientsPerWorker: 4, sessions: Number(process.env.BENCH_SESSIONS ?? 300) },
    new Date(),
  );
  // Several app instances on one database is a supported deployment: the clients are spread
  // over BENCH_INSTANCES server processes (the pool size is per instance).
  const pgbenchBefore = runPgbench(adminUrl, pgbenchSeconds);
  const servers = await Promise.all(
    Array.from({ length: instances }, () => spawnServer({ DATABASE_URL: url, BENCH_POOL: pool })),
  );
  const baseUrlFor = (i: number) => servers[i % servers.length]!.baseUrl;
  const server = { stop: () => Promise.all(servers.map((s) => s.stop())).then(() => undefined) };
  try {
    // 1. The class drop.
    const dropStart = performance.now();
    const drop = await Promise.all(
      fixture.dropClients.map((cookie, i) =>
        request(baseUrlFor(i), cookie, 'POST', `/api/sessions/${fixture.dropSessionId}/registrations`),
      ),
    );
    const dropWall = (performance.now() - dropStart) / 1000;
    const registered = drop.filter((r) => r.body.status === 'REGISTERED').length;
    const positions = drop
      .filter((r) => r.body.status === 'WAITLISTED')
      .map((r) => r.body.waitlistPosition!)
      .sort((a, b) => a - b);
    const queueOk = positions.every((p, i) => p === i + 1);
    const dropLatency = latencySummary(drop.map((r) => r.ms));
    console.log(
      `Class drop: ${drop.length} clients for 15 places in ${fmt(dropWall, 2)} s — ${registered} registered, ${positions.length} waitlisted at positions 1..${positions.length} ${queueOk ? '✓' : '✗'}, other answers: ${summarizeRefusals(drop)}; latency p50 ${fmt(dropLatency.p50)} ms, p99 ${fmt(dropLatency.p99)} ms`,
    );

    // 2. Sustained booking and cancelling.
    const latencies: number[] = [];
    const counts = { book: 0, cancel: 0 };
    const errors = new Map<string, number>();
    let measuring = false;
    const deadline = Date.now() + (warmupSeconds + seconds) * 1000;
    // Each client holds at most three places or waitlist spots: with three it cancels one,
    // otherwise it books a random session — about as many cancellations as bookings.
    const worker = async (cookies: string[], w: number) => {
      const baseUrl = baseUrlFor(w);
      const live = cookies.map(() => [] as string[]);
      for (let i = 0; Date.now() < deadline; i++) {
        const c = i % cookies.length;
        const held = live[c]!;
        const cancelling = held.length >= 3;
        const sessionId = cancelling
          ? held[Math.floor(Math.random() * held.length)]!
          : fixture.sessionIds[Math.floor(Math.random() * fixture.sessionIds.length)]!;
        const r = cancelling
          ? await request(baseUrl, cookies[c]!, 'DELETE', `/api/sessions/${sessionId}/registrations/me`)
          : await request(baseUrl, cookies[c]!, 'POST', `/api/sessions/${sessionId}/registrations`);
        if (r.status === 200 || r.status === 201) {
          if (cancelling) held.splice(held.indexOf(sessionId), 1);
          else if (!held.includes(sessionId)) held.push(sessionId);
        } else
          errors.set(`${r.status} ${r.body.error?.code}`, (errors.get(`${r.status} ${r.body.error?.code}`) ?? 0) + 1);
        if (measuring) {
          latencies.push(r.ms);
          counts[cancelling ? 'cancel' : 'book'] += 1;
        }
      }
    };
    const running = Promise.all(fixture.workerClients.map(worker));
    await new Promise((resolve) => setTimeout(resolve, warmupSeconds * 1000));
    const scansBefore = await seqScans(handle.db);
    const walBefore = await walWritten(handle.db);
    const cpu = cpuSampler();
    const processCpu = processCpuSampler(servers.map((s) => s.pid));
    const measuredFrom = performance.now();
    measuring = true;
    await running;
    const measuredSeconds = (performance.now() - measuredFrom) / 1000;
    const cpuUsed = cpu();
    const cpuByProcess = processCpu();
    const scansAfter = await seqScans(handle.db);
    const walAfter = await walWritten(handle.db);
    const total = counts.book + counts.cancel;
    const tps = total / measuredSeconds;
    const lat = latencySummary(latencies);
    console.log(
      `Sustained: ${workers} concurrent clients on ${instances} app instance(s), ${fixture.sessionIds.length} sessions of 12 places, ${fmt(measuredSeconds, 0)} s measured after ${warmupSeconds} s warm-up\n` +
        `  ${fmt(tps)} booking transactions/s (${fmt(counts.book / measuredSeconds)} bookings/s + ${fmt(counts.cancel / measuredSeconds)} cancellations/s)\n` +
        `  latency p50 ${fmt(lat.p50)} ms, p95 ${fmt(lat.p95)} ms, p99 ${fmt(lat.p99)} ms; machine CPU ${fmt(cpuUsed * 100, 0)}%\n` +
        `  CPU per booking transaction: app server ${fmt((cpuByProcess.server * 1000) / total, 2)} ms, PostgreSQL ${fmt((cpuByProcess.postgres * 1000) / total, 2)} ms, ` +
        `load generator ${fmt((cpuByProcess.loadGenerator * 1000) / total, 2)} ms; ` +
        `WAL ${fmt((walAfter.records - walBefore.records) / total, 1)} records, ${fmt((walAfter.bytes - walBefore.bytes) / total, 0)} bytes\n` +
        `  refused/failed requests: ${errors.size ? [...errors].map(([k, v]) => `${k} ×${v}`).join(', ') : 'none'}`,
    );
    const scanDelta = Object.fromEntries(
      Object.keys(scansAfter).map((k) => [k, scansAfter[k]! - (scansBefore[k] ?? 0)]),
    );
    console.log(`  sequential scans during the measured phase: ${JSON.stringify(scanDelta)}`);

    // 3. Invariants.
    const violations = await bookingViolations(handle.db);
    const violationCount =
      Object.values(violations).reduce((a, b) => a + b, 0) +
      (registered === 15 && positions.length === 185 && queueOk ? 0 : 1);
    console.log(
      `Invariants: ${violationCount === 0 ? '0 violations' : `${violationCount} VIOLATIONS`} ${JSON.stringify(violations)}`,
    );

    // For scale: the same clients calling GET /api/me — only the sign-in check (better-auth
    // session lookup), a fixed cost every booking request also pays before any booking logic.
    const authLatencies: number[] = [];
    const authEnd = Date.now() + authSeconds * 1000;
    const authFrom = performance.now();
    const authCpu = processCpuSampler(servers.map((s) => s.pid));
    await Promise.all(
      fixture.workerClients.map(async ([cookie], w) => {
        while (Date.now() < authEnd) {
          authLatencies.push((await benchRequest(baseUrlFor(w), 'GET', '/api/me', cookie!)).ms);
        }
      }),
    );
    const authRate = authLatencies.length / ((performance.now() - authFrom) / 1000);
    const authCpuUsed = authCpu();
    console.log(
      `Auth-only reference: GET /api/me by the same ${workers} clients: ${fmt(authRate)} requests/s, p50 ${fmt(latencySummary(authLatencies).p50)} ms; ` +
        `CPU per request: app server ${fmt((authCpuUsed.server * 1000) / authLatencies.length, 2)} ms, PostgreSQL ${fmt((authCpuUsed.postgres * 1000) / authLatencies.length, 2)} ms`,
    );

    await server.stop();
    // 4. The ceiling, measured again now on the same server.
    const pgbenchAfter = runPgbench(adminUrl, pgbenchSeconds);
    const ceiling = (pgbenchBefore.tps + pgbenchAfter.tps) / 2;
    console.log(
      `pgbench TPC-B-like (-c 16 -j 2 -T ${pgbenchSeconds}, scale 10): ${fmt(pgbenchBefore.tps)} TPS before, ${fmt(pgbenchAfter.tps)} TPS after ` +
        `(machine CPU ${fmt(pgbenchBefore.cpu * 100, 0)}%, ${fmt(pgbenchAfter.cpu * 100, 0)}%); mean ${fmt(ceiling)} TPS`,
    );
    console.log(
      `Ratio booking transactions / pgbench TPS: ${fmt(tps / ceiling, 2)} (target ≥ 0.4); auth-only requests / pgbench TPS: ${fmt(authRate / ceiling, 2)}`,
    );
  } finally {
    await closeBenchClients();
    await server.stop().catch(() => undefined);
    await handle.close();
    psql(adminUrl, `DROP DATABASE IF EXISTS ${benchDatabase('booking')} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
