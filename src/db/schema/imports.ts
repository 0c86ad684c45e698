import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { classSessions } from './sessions';

/*
 * Tables of the import area (moving a studio from another system, TeamUp first). See
 * docs/decisions/0015-importing-from-teamup.md for why external ids live here
 * rather than as columns on every imported table.
 */

/**
 * Which Roster row an imported record became: (source, kind, external id) is unique, so a
 * re-run finds the row it made last time instead of creating a second one. Written in the same
 * transaction as the row it points to, so a crash never leaves one without the other.
 */
export const externalRefs = pgTable(
  'external_refs',
  {
    externalSource: text().notNull(), // 'teamup'
    kind: text().notNull(), // COACH | CLASS_TYPE | LOCATION | PLAN | SESSION | SCHEDULE | CUSTOMER | MEMBERSHIP
    externalId: text().notNull(),
    entityId: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // Not unique by entity: two TeamUp records can be one person (a customer re-created with a new id).
  (t) => [primaryKey({ columns: [t.externalSource, t.kind, t.externalId] })],
);

/** A place classes happen (a TeamUp venue). Sessions still name it in their `location` text. */
export const locations = pgTable(
  'locations',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    address: text().notNull().default(''),
    timezone: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('locations_name_uq').on(sql`lower(${t.name})`)],
);

/**
 * Attendance of a class held before the studio moved to Roster, kept as figures: the export
 * has counts, not the people. Insights read these beside the registrations of later classes.
 */
export const sessionAttendanceFigures = pgTable(
  'session_attendance_figures',
  {
    sessionId: uuid()
      .primaryKey()
      .references(() => classSessions.id, { onDelete: 'cascade' }),
    attendedCount: integer().notNull(),
    waitlistCount: integer().notNull().default(0),
    source: text().notNull(),
  },
  (t) => [check('session_attendance_figures_ck', sql`${t.attendedCount} >= 0 AND ${t.waitlistCount} >= 0`)],
);

/**
 * One run of an import started from the admin page: its progress and final report live here
 * (not in memory) so any app instance can answer "how far is it" and a restart loses nothing.
 */
export const importRuns = pgTable(
  'import_runs',
  {
    id: uuid().primaryKey().defaultRandom(),
    source: text().notNull(),
    status: text().notNull().default('RUNNING'), // RUNNING | SUCCEEDED | FAILED
    step: text().notNull().default(''),
    done: integer().notNull().default(0),
    total: integer().notNull().default(0),
    report: jsonb(),
    error: text(),
    invite: boolean().notNull().default(false),
    startedBy: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Written with each bit of progress: a RUNNING run whose heartbeat is old died with its process. */
    heartbeatAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [check('import_runs_status_ck', sql`${t.status} IN ('RUNNING', 'SUCCEEDED', 'FAILED')`)],
);
