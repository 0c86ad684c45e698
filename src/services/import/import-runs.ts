import { and, eq, gte } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { importRuns } from '../../db/schema';
import { emptyCounts, type ImportReport } from '../../domain/import/import-report';
import { DomainError } from '../../domain/shared/domain-error';
import { importFromTeamup, type TeamupImportOptions } from './import-from-teamup';
import { parseTeamupFiles, type TeamupFiles } from './parse-teamup-files';

/**
 * A run writes a heartbeat with its progress and at least every HEARTBEAT_MS; one that has written
 * none for STALE_AFTER_MS died with its process (a restart, a crash) and is INTERRUPTED: the page
 * says so and a new run may start, which completes the work (every batch is idempotent).
 */
const HEARTBEAT_MS = 30_000;
const STALE_AFTER_MS = 5 * 60_000;

export interface ImportRunView {
  id: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'INTERRUPTED';
  step: string;
  percent: number;
  report: ImportReport | null;
  error: string | null;
}

/**
 * Starts a real import from the admin page and answers at once with the run's id; the import
 * goes on in this process and writes its progress to `import_runs`, which any instance can
 * read. The files are read first, so a broken file is refused before a run exists. While a run
 * is alive another is refused (two would race over the same rows); a run whose process died is
 * INTERRUPTED after a few minutes, and the next import completes it (every batch is idempotent).
 */
export async function startTeamupImport(
  db: Database,
  actorId: string,
  files: TeamupFiles,
  options: Omit<TeamupImportOptions, 'dryRun'>,
  now: () => Date,
): Promise<ImportRunView> {
  parseTeamupFiles(files, options.planAnswers ?? {});
  const [alive] = await db
    .select({ id: importRuns.id })
    .from(importRuns)
    .where(and(eq(importRuns.status, 'RUNNING'), gte(importRuns.heartbeatAt, staleBefore(now()))))
    .limit(1);
  if (alive) throw new DomainError('IMPORT_RUNNING', 'An import is already running: wait for it to finish');
  const [run] = await db
    .insert(importRuns)
    .values({
      source: 'teamup',
      step: 'Starting',
      invite: options.inviteCustomers === true,
      startedBy: actorId,
      createdAt: now(),
      heartbeatAt: now(),
    })
    .returning();
  const beat = () => db.update(importRuns).set({ heartbeatAt: now() }).where(eq(importRuns.id, run!.id));
  const heartbeat = setInterval(() => void beat().catch(() => undefined), HEARTBEAT_MS);
  heartbeat.unref();
  let lastPercent = -1;
  void importFromTeamup(db, actorId, files, { ...options, dryRun: false }, now(), async ({ step, done, total }) => {
    const percent = Math.floor((100 * done) / Math.max(total, 1));
    if (percent === lastPercent) return;
    lastPercent = percent;
    await db.update(importRuns).set({ step, done, total, heartbeatAt: now() }).where(eq(importRuns.id, run!.id));
  })
    .then((report) =>
      db
        .update(importRuns)
        .set({ status: 'SUCCEEDED', step: 'Done', report, finishedAt: now() })
        .where(eq(importRuns.id, run!.id)),
    )
    .catch((error: unknown) =>
      db
        .update(importRuns)
        .set({
          status: 'FAILED',
          error:
            error instanceof DomainError
              ? error.message
              : 'The import stopped on an unexpected error. What was imported is kept; run it again to finish.',
          finishedAt: now(),
        })
        .where(eq(importRuns.id, run!.id))
        .catch(() => undefined),
    )
    .finally(() => clearInterval(heartbeat));
  return { id: run!.id, status: 'RUNNING', step: 'Starting', percent: 0, report: null, error: null };
}

const staleBefore = (now: Date) => new Date(now.getTime() - STALE_AFTER_MS);

export async function getImportRun(db: Database, id: string, now: Date): Promise<ImportRunView> {
  const [run] = await db.select().from(importRuns).where(eq(importRuns.id, id));
  if (!run) throw new DomainError('IMPORT_RUN_NOT_FOUND', 'No such import run');
  const interrupted = run.status === 'RUNNING' && run.heartbeatAt < staleBefore(now);
  return {
    id: run.id,
    status: interrupted ? 'INTERRUPTED' : (run.status as ImportRunView['status']),
    step: run.step,
    percent: run.status === 'SUCCEEDED' ? 100 : Math.min(99, Math.floor((100 * run.done) / Math.max(run.total, 1))),
    // A report stored before a kind was added (e.g. `services`) shows that kind as all zeros.
    report: run.report
      ? { ...(run.report as ImportReport), counts: { ...emptyCounts(), ...(run.report as ImportReport).counts } }
      : null,
    error: interrupted
      ? 'The import stopped when the server restarted. What was imported is kept; run it again to finish.'
      : run.error,
  };
}
