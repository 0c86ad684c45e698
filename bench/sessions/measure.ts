import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Helpers shared by the sessions benchmarks: percentiles, CPU use, pgbench, database setup. */

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const index = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[index]!;
}

export function latencySummary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

/** Whole-machine CPU use between two readings of /proc/stat (Node, the load generator and PostgreSQL share it). */
export function cpuSampler() {
  const read = () => {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (line[3] ?? 0) + (line[4] ?? 0);
    const total = line.reduce((a, b) => a + b, 0);
    return { idle, total };
  };
  const start = read();
  return () => {
    const end = read();
    const total = end.total - start.total;
    return total > 0 ? 1 - (end.idle - start.idle) / total : NaN;
  };
}

const TICKS_PER_SECOND = 100; // USER_HZ: /proc/<pid>/stat counts CPU time in these on Linux

/** CPU seconds (user + system) used so far by the processes `include` picks by pid and command name. */
function processCpuSeconds(include: (pid: number, command: string) => boolean): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (!include(pid, command)) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // The process ended between listing and reading.
    }
  }
  return ticks / TICKS_PER_SECOND;
}

/**
 * CPU seconds spent by the app server processes, by PostgreSQL (every postgres process on
 * this machine: backends, WAL writer, checkpointer) and by this (the load generator) process between two readings: where a booking's cost
 * goes, steadier from run to run than throughput on a machine whose speed drifts.
 */
export function processCpuSampler(serverPids: number[], postgresPids?: number[]) {
  // postgresPids: only these backends (one database's), so other work on a shared server is not counted.
  const isPostgres = (pid: number, command: string) =>
    postgresPids ? postgresPids.includes(pid) : command === 'postgres';
  const read = () => ({
    server: processCpuSeconds((pid) => serverPids.includes(pid)),
    postgres: processCpuSeconds(isPostgres),
    loadGenerator: processCpuSeconds((pid) => pid === process.pid),
  });
  const start = read();
  return () => {
    const end = read();
    return {
      server: end.server - start.server,
      postgres: end.postgres - start.postgres,
      loadGenerator: end.loadGenerator - start.loadGenerator,
    };
  };
}

export function psql(url: string, statement: string): string {
  const env = { ...process.env, PGOPTIONS: '-c client_min_messages=warning' };
  return execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-Atc', statement], { encoding: 'utf8', env }).trim();
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh, empty database on the server of `adminUrl`. */
export function recreateDatabase(adminUrl: string, name: string): string {
  psql(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  psql(adminUrl, `CREATE DATABASE ${name}`);
  return withDatabase(adminUrl, name);
}

/**
 * pgbench's TPC-B-like transactions per second on the same server, in its own database: the
 * ceiling a booking transaction is compared against (see docs: benchmarking notes).
 */
/**
 * Prefix of the databases a benchmark creates and drops (BENCH_DB_PREFIX, default roster_bench):
 * two people benchmarking on one PostgreSQL at once must not drop each other's database mid-run.
 */
export const benchDatabase = (name: string) => `${process.env.BENCH_DB_PREFIX ?? 'roster_bench'}_${name}`;

export function runPgbench(adminUrl: string, seconds: number): { tps: number; cpu: number } {
  const url = recreateDatabase(adminUrl, benchDatabase('pgbench'));
  const u = new URL(url);
  const args = [
    '-h',
    u.hostname,
    '-p',
    u.port || '5432',
    '-U',
    decodeURIComponent(u.username || 'postgres'),
    benchDatabase('pgbench'),
  ];
  execFileSync('pgbench', ['-i', '-s', '10', '-q', ...args], { stdio: 'ignore' });
  const cpu = cpuSampler();
  const out = execFileSync('pgbench', ['-c', '16', '-j', '2', '-T', String(seconds), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const used = cpu();
  const match = /tps = ([\d.]+) \(without initial connection time\)/.exec(out) ?? /tps = ([\d.]+)/.exec(out);
  psql(adminUrl, `DROP DATABASE IF EXISTS ${benchDatabase('pgbench')} WITH (FORCE)`);
  if (!match) throw new Error(`could not read pgbench output:\n${out}`);
  return { tps: Number(match[1]), cpu: used };
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
