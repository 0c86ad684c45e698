import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor, Tx } from '../../db/client';
import { externalRefs } from '../../db/schema';
import type { EntityKind, ImportProblem, ImportReport } from '../../domain/import/import-report';

export const TEAMUP = 'teamup';

export type RefKind = 'COACH' | 'CLASS_TYPE' | 'LOCATION' | 'PLAN' | 'SESSION' | 'SCHEDULE' | 'CUSTOMER' | 'MEMBERSHIP';

export interface ImportProgress {
  step: string;
  done: number;
  total: number;
}

export interface ImportContext {
  db: Database;
  now: Date;
  dryRun: boolean;
  actorId: string | null;
  report: ImportReport;
  /** Rows done so far over all steps; `progress` turns it into percent and a step name. */
  done: number;
  total: number;
  progress: (step: string) => Promise<void>;
}

/** In a dry run nothing has an id yet: the rows it would create are named by these. */
export const wouldCreate = (kind: RefKind, externalId: string) => `new:${kind}:${externalId}`;

export function count(
  ctx: ImportContext,
  kind: EntityKind,
  outcome: 'created' | 'updated' | 'unchanged' | 'skipped',
  n = 1,
) {
  ctx.report.counts[kind][outcome] += n;
}

export function problem(ctx: ImportContext, p: ImportProblem) {
  ctx.report.problems.push(p);
}

/** The Roster ids this source's `externalIds` of `kind` became in earlier runs. */
export async function loadRefs(
  ex: Executor,
  kind: RefKind,
  externalIds: readonly string[],
): Promise<Map<string, string>> {
  if (externalIds.length === 0) return new Map();
  const rows = await ex
    .select({ externalId: externalRefs.externalId, entityId: externalRefs.entityId })
    .from(externalRefs)
    .where(
      and(
        eq(externalRefs.externalSource, TEAMUP),
        eq(externalRefs.kind, kind),
        inArray(externalRefs.externalId, [...externalIds]),
      ),
    );
  return new Map(rows.map((r) => [r.externalId, r.entityId]));
}

export async function insertRefs(
  tx: Tx,
  kind: RefKind,
  rows: ReadonlyArray<{ externalId: string; entityId: string }>,
  now: Date,
) {
  if (rows.length === 0) return;
  await tx
    .insert(externalRefs)
    .values(rows.map((r) => ({ externalSource: TEAMUP, kind, ...r, createdAt: now, updatedAt: now })));
}

/**
 * One batch of an import, in its own transaction: its rows and their external refs commit
 * together or not at all, so a crash between batches leaves only whole rows, each with its ref,
 * and the next run skips them. The transaction-scoped advisory lock makes batches of two runs
 * started at once take turns, so neither can read "no ref yet" while the other is writing it —
 * the refs' primary key would refuse a duplicate anyway.
 */
export async function inImportBatch<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('roster-import-teamup'))`);
    return work(tx);
  });
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
