import { z } from 'zod';
import { ENTITY_KINDS, IMPORT_FILES } from '../domain/import/import-report';

/** The largest file the admin page accepts (TeamUp's events file for half a year is ≈ 3.2 MB). */
export const MAX_IMPORT_FILE_CHARS = 12_000_000;

const uploadedFile = z.object({
  name: z.string().trim().min(1).max(200),
  text: z.string().max(MAX_IMPORT_FILE_CHARS),
});

/** Files travel as text inside JSON (no multipart): each one named, so messages can name it. */
export const teamupImportRequest = z.object({
  events: uploadedFile,
  instructors: uploadedFile,
  memberships: uploadedFile,
  customers: uploadedFile.nullish(),
  createSchedules: z.boolean().default(true),
  inviteCustomers: z.boolean().default(false),
  planAnswers: z.record(z.string().max(64), z.number().int().min(1).max(1000)).default({}),
});
export type TeamupImportRequest = z.input<typeof teamupImportRequest>;

const entityCounts = z.object({ created: z.number(), updated: z.number(), unchanged: z.number(), skipped: z.number() });

export const importReport = z.object({
  dryRun: z.boolean(),
  counts: z.object(
    Object.fromEntries(ENTITY_KINDS.map((k) => [k, entityCounts])) as Record<
      (typeof ENTITY_KINDS)[number],
      typeof entityCounts
    >,
  ),
  patterns: z.array(
    z.object({
      classType: z.string(),
      coach: z.string(),
      days: z.array(z.string()),
      localTime: z.string(),
      fromDate: z.string(),
      toDate: z.string(),
      sessions: z.number(),
      gaps: z.number(),
    }),
  ),
  keptForLater: z.array(z.string()),
  problems: z.array(
    z.object({
      file: z.enum(IMPORT_FILES),
      fileName: z.string(),
      row: z.number().nullable(),
      severity: z.enum(['error', 'warning', 'question']),
      message: z.string(),
      externalId: z.string().optional(),
    }),
  ),
});
export type ImportReportBody = z.infer<typeof importReport>;

export const importRunBody = z.object({
  id: z.string(),
  /** INTERRUPTED: RUNNING, but its process stopped writing progress minutes ago (it died). */
  status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED', 'INTERRUPTED']),
  step: z.string(),
  percent: z.number().int().min(0).max(100),
  report: importReport.nullable(),
  error: z.string().nullable(),
});
export type ImportRunBody = z.infer<typeof importRunBody>;
