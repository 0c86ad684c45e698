/** The four files an import from TeamUp reads, by the field they are given in. */
export const IMPORT_FILES = ['events', 'instructors', 'memberships', 'customers'] as const;
export type ImportFile = (typeof IMPORT_FILES)[number];

export const FILE_LABEL: Record<ImportFile, string> = {
  events: 'events file',
  instructors: 'instructors file',
  memberships: 'memberships file',
  customers: 'customer CSV',
};

/**
 * One thing the admin should know about: `error` = that row was not imported, `warning` = it
 * was imported with something left out, `question` = the import needs an answer (e.g. a pack's
 * size) before that row can be imported.
 */
export interface ImportProblem {
  file: ImportFile;
  fileName: string;
  /** 1-based: the record's position in the file's results (JSON) or its line (CSV). */
  row: number | null;
  severity: 'error' | 'warning' | 'question';
  message: string;
  /** For questions: the id to answer with (a membership id → its credit count). */
  externalId?: string;
}

export const ENTITY_KINDS = [
  'locations',
  'coaches',
  'classTypes',
  'services',
  'plans',
  'sessions',
  'history',
  'schedules',
  'customers',
  'memberships',
  'packBalances',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface EntityCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface WeeklyPatternSummary {
  classType: string;
  coach: string;
  days: string[];
  localTime: string;
  fromDate: string;
  toDate: string;
  sessions: number;
  /** Dates the pattern skips (holidays): kept as gaps, nothing is created on them. */
  gaps: number;
}

export interface ImportReport {
  dryRun: boolean;
  counts: Record<EntityKind, EntityCounts>;
  patterns: WeeklyPatternSummary[];
  /** What Roster cannot place yet (e.g. appointment events): kept in the report, not lost silently. */
  keptForLater: string[];
  problems: ImportProblem[];
}

export function emptyCounts(): Record<EntityKind, EntityCounts> {
  return Object.fromEntries(
    ENTITY_KINDS.map((k) => [k, { created: 0, updated: 0, unchanged: 0, skipped: 0 }]),
  ) as Record<EntityKind, EntityCounts>;
}

/** "events file teamupdata.json, row 12 (event 89619777)" — how every message names its place. */
export function whereInFile(file: ImportFile, fileName: string, row: number | null, id?: string): string {
  const place = row === null ? '' : `, row ${row}`;
  return `${FILE_LABEL[file]} ${fileName}${place}${id ? ` (id ${id})` : ''}`;
}
