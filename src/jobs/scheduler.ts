import type { FastifyBaseLogger } from 'fastify';
import { isDatabaseUnavailable } from '../db/connection-errors';
import { reportDatabaseUnavailable } from '../db/database-availability';

export interface ScheduledJob {
  name: string;
  everyMs: number;
  /** Must be idempotent: every app instance runs every job, and a run may repeat after a crash. */
  run(now: Date): Promise<unknown>;
}

/**
 * Runs each job on its interval inside the server process. There is no leader election:
 * correctness comes from each job's unique keys and row locks, so N instances running the same
 * job at once still change everything exactly once.
 */
export function startScheduler(jobs: ScheduledJob[], log: FastifyBaseLogger, clock: () => Date = () => new Date()) {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<string>();
  const tick = async (job: ScheduledJob) => {
    if (running.has(job.name)) return; // never overlap a slow run with the next one
    running.add(job.name);
    try {
      const result = await job.run(clock());
      log.debug({ job: job.name, result }, 'job finished');
    } catch (error) {
      // During an outage every job fails on every tick: one line per outage, not a stack each time.
      if (isDatabaseUnavailable(error)) reportDatabaseUnavailable(error);
      else log.error({ err: error, job: job.name }, 'job failed');
    } finally {
      running.delete(job.name);
    }
  };
  for (const job of jobs) {
    timers.push(setTimeout(() => void tick(job), 2_000 + Math.random() * 3_000).unref());
    timers.push(setInterval(() => void tick(job), job.everyMs).unref());
  }
  return () => timers.forEach((t) => clearInterval(t));
}
