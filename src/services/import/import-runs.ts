import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { importRuns } from '../../db/schema';
import type { ImportReport } from '../../domain/import/import-report';
import { DomainError } from '../../domain/shared/domain-error';
import { importFromTeamup, type TeamupImportOptions } from './import-from-teamup';
import { parseTeamupFiles, type TeamupFiles } from './parse-teamup-files';

export interface ImportRunView {
  id: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  step: string;
  percent: number;
  report: ImportReport | null;
  error: string | null;
}

/**
 * Starts a real import from the admin page and answers at once with the run's id; the import
 * goes on in this process and writes its progress to `import_runs`, which any instance can
 * read. The files are read first, so a broken file is refused before a run exists. If the
 * process dies mid-run, the run stays RUNNING in the list and the next import completes it
 * (every batch is idempotent).
 */
export async function startTeamupImport(
  db: Database,
  actorId: string,
  files: TeamupFiles,
  options: Omit<TeamupImportOptions, 'dryRun'>,
  now: () => Date,
): Promise<ImportRunView> {
  parseTeamupFiles(files, options.planAnswers ?? {});
  const [run] = await db
    .insert(importRuns)
    .values({
      source: 'teamup',
      step: 'Starting',
      invite: options.inviteCustomers === true,
      startedBy: actorId,
      createdAt: now(),
    })
    .returning();
  let lastPercent = -1;
  void importFromTeamup(db, actorId, files, { ...options, dryRun: false }, now(), async ({ step, done, total }) => {
    const percent = Math.floor((100 * done) / Math.max(total, 1));
    if (percent === lastPercent) return;
    lastPercent = percent;
    await db.update(importRuns).set({ step, done, total }).where(eq(importRuns.id, run!.id));
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
    );
  return { id: run!.id, status: 'RUNNING', step: 'Starting', percent: 0, report: null, error: null };
}

export async function getImportRun(db: Database, id: string): Promise<ImportRunView> {
  const [run] = await db.select().from(importRuns).where(eq(importRuns.id, id));
  if (!run) throw new DomainError('IMPORT_RUN_NOT_FOUND', 'No such import run');
  return {
    id: run.id,
    status: run.status as ImportRunView['status'],
    step: run.step,
    percent: run.status === 'SUCCEEDED' ? 100 : Math.min(99, Math.floor((100 * run.done) / Math.max(run.total, 1))),
    report: (run.report as ImportReport | null) ?? null,
    error: run.error,
  };
}
