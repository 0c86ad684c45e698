import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
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
import {
  cohortMembershipStatus,
  cohortStatus,
  feedbackStatus,
  promptDirection,
  promptKind,
  questionnaireResponseStatus,
  weightUnit,
} from './enums';
import { membershipPlans } from './credits';

/*
 * Coaching cohorts: multi-week programs with daily check-ins, a weekly questionnaire and coach
 * feedback. Dates are studio-local calendar dates (`date`, as 'YYYY-MM-DD' strings); week n of a
 * cohort is always computed by src/domain/cohorts/cohort-calendar.ts from `start_date`.
 * Invariants the database keeps itself: one current cohort per client (partial unique index),
 * one check-in per client per day, one nudge per client per day, one lead coach per cohort,
 * and submitted questionnaire responses are locked (trigger, see the cohorts_* migrations).
 */

/** JSON shapes stored here (the domain's types in src/domain/cohorts describe them fully). */
export type CohortPromptRef = { key: string; required: boolean };
export type StoredQuestion = {
  id: string;
  kind: string;
  label: string;
  required: boolean;
  options?: string[];
  min?: number;
  max?: number;
};
export type StoredQuestionnaire = { intro: string; questions: StoredQuestion[] };
export type StoredCheckInValues = Record<string, number | boolean | string>;
export type StoredAnswers = Record<string, string | number>;

/**
 * The check-in prompt catalogue: built-in prompts (seeded by migration, `built_in`) and the
 * studio's custom ones. `studio_default` marks the prompts a client outside any cohort gets.
 */
export const checkInPrompts = pgTable(
  'check_in_prompts',
  {
    key: text().primaryKey(),
    label: text().notNull(),
    kind: promptKind().notNull(),
    unit: text(),
    minValue: doublePrecision(),
    maxValue: doublePrecision(),
    better: promptDirection(),
    builtIn: boolean().notNull().default(false),
    studioDefault: boolean().notNull().default(false),
    position: integer().notNull().default(100),
    createdBy: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'check_in_prompts_range_ck',
      sql`${t.minValue} IS NULL OR ${t.maxValue} IS NULL OR ${t.minValue} <= ${t.maxValue}`,
    ),
  ],
);

/** Templates for cohorts: "6-Week Challenge", "8-Week Transformation", "Ongoing Coaching", and the studio's own. */
export const cohortTypes = pgTable(
  'cohort_types',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    description: text().notNull().default(''),
    /** null = open-ended. */
    defaultWeeks: integer(),
    defaultPrompts: jsonb().$type<CohortPromptRef[]>().notNull().default([]),
    defaultQuestionnaire: jsonb().$type<StoredQuestionnaire>().notNull(),
    builtIn: boolean().notNull().default(false),
    createdBy: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cohort_types_name_uq').on(sql`lower(${t.name})`),
    check('cohort_types_weeks_ck', sql`${t.defaultWeeks} IS NULL OR ${t.defaultWeeks} BETWEEN 1 AND 52`),
  ],
);

export const cohorts = pgTable(
  'cohorts',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    typeId: uuid().references(() => cohortTypes.id, { onDelete: 'set null' }),
    status: cohortStatus().notNull().default('ACTIVE'),
    startDate: date({ mode: 'string' }).notNull(),
    /** null = open-ended. */
    weeks: integer(),
    /** Last day (inclusive), derived from start and weeks; kept for queries and checked below. */
    endDate: date({ mode: 'string' }),
    capacity: integer(),
    checkInCadenceDays: integer().notNull().default(1),
    checkInBackfillDays: integer().notNull().default(2),
    questionnaireOpensDaysBeforeWeekEnd: integer().notNull().default(1),
    /** Studio-local HH:MM of the daily check-in reminder. */
    checkInReminderTime: text().notNull().default('19:00'),
    /** Copied from the cohort type at creation; week rows in cohort_questionnaires override it. */
    defaultQuestionnaire: jsonb().$type<StoredQuestionnaire>().notNull(),
    /** Later fit: enrolling also assigns this plan (e.g. a prepaid challenge) once memberships support it. */
    membershipPlanId: uuid().references(() => membershipPlans.id, { onDelete: 'set null' }),
    completedAt: timestamp({ withTimezone: true }),
    createdBy: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cohorts_status_idx').on(t.status),
    check('cohorts_weeks_ck', sql`${t.weeks} IS NULL OR ${t.weeks} BETWEEN 1 AND 52`),
    check(
      'cohorts_end_date_ck',
      sql`(${t.weeks} IS NULL AND ${t.endDate} IS NULL) OR ${t.endDate} = ${t.startDate} + (${t.weeks} * 7 - 1)`,
    ),
    check('cohorts_capacity_ck', sql`${t.capacity} IS NULL OR ${t.capacity} BETWEEN 1 AND 500`),
    check('cohorts_cadence_ck', sql`${t.checkInCadenceDays} BETWEEN 1 AND 14`),
    check('cohorts_backfill_ck', sql`${t.checkInBackfillDays} BETWEEN 0 AND 14`),
    check('cohorts_questionnaire_opens_ck', sql`${t.questionnaireOpensDaysBeforeWeekEnd} BETWEEN 1 AND 5`),
    check('cohorts_reminder_time_ck', sql`${t.checkInReminderTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
  ],
);

/** The coaches of a cohort; exactly one is the lead (at most one by index, at least one by the service). */
export const cohortCoaches = pgTable(
  'cohort_coaches',
  {
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    coachId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    isLead: boolean().notNull().default(false),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cohortId, t.coachId] }),
    uniqueIndex('cohort_coaches_one_lead_uq')
      .on(t.cohortId)
      .where(sql`${t.isLead}`),
    index('cohort_coaches_coach_idx').on(t.coachId),
  ],
);

/** The prompts a cohort asks at check-in, in order, and which are required. */
export const cohortPrompts = pgTable(
  'cohort_prompts',
  {
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    promptKey: text()
      .notNull()
      .references(() => checkInPrompts.key),
    required: boolean().notNull().default(false),
    position: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.promptKey] })],
);

/**
 * A client in a cohort. Leaving keeps the row (WITHDRAWN) and the client's data.
 * `cohort_memberships_one_current_uq` is the rule "a client is in at most one current cohort":
 * two concurrent enrolments into two cohorts leave exactly one.
 */
export const cohortMemberships = pgTable(
  'cohort_memberships',
  {
    id: uuid().primaryKey().defaultRandom(),
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: cohortMembershipStatus().notNull().default('ACTIVE'),
    /** Overrides the cohort's expected check-in cadence for this client. */
    checkInCadenceDays: integer(),
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp({ withTimezone: true }),
    addedBy: text().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('cohort_memberships_cohort_user_uq').on(t.cohortId, t.userId),
    uniqueIndex('cohort_memberships_one_current_uq')
      .on(t.userId)
      .where(sql`${t.status} IN ('ACTIVE', 'PAUSED')`),
    index('cohort_memberships_cohort_status_idx').on(t.cohortId, t.status),
    check(
      'cohort_memberships_cadence_ck',
      sql`${t.checkInCadenceDays} IS NULL OR ${t.checkInCadenceDays} BETWEEN 1 AND 14`,
    ),
  ],
);

/** How a client enters and reads weight (stored in kg regardless). */
export const clientCheckInPreferences = pgTable('client_check_in_preferences', {
  userId: text()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  weightUnit: weightUnit().notNull().default('KG'),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * A client's health data for one studio-local day. It belongs to the client, not to a cohort
 * (`cohort_id` records the cohort in force when it was entered), so history survives moving
 * between cohorts. Weight is in kg.
 */
export const checkIns = pgTable(
  'check_ins',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    date: date({ mode: 'string' }).notNull(),
    values: jsonb().$type<StoredCheckInValues>().notNull(),
    cohortId: uuid().references(() => cohorts.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('check_ins_user_date_uq').on(t.userId, t.date)],
);

/** A week's questions, once a coach set them or a client started answering (else the cohort default applies). */
export const cohortQuestionnaires = pgTable(
  'cohort_questionnaires',
  {
    id: uuid().primaryKey().defaultRandom(),
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    week: integer().notNull(),
    intro: text().notNull().default(''),
    questions: jsonb().$type<StoredQuestion[]>().notNull(),
    updatedBy: text().references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cohort_questionnaires_cohort_week_uq').on(t.cohortId, t.week),
    check('cohort_questionnaires_week_ck', sql`${t.week} >= 1`),
  ],
);

/** A client's answers to one week. Locked once SUBMITTED: a trigger refuses any later UPDATE. */
export const questionnaireResponses = pgTable(
  'questionnaire_responses',
  {
    id: uuid().primaryKey().defaultRandom(),
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    questionnaireId: uuid()
      .notNull()
      .references(() => cohortQuestionnaires.id),
    week: integer().notNull(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    answers: jsonb().$type<StoredAnswers>().notNull(),
    status: questionnaireResponseStatus().notNull().default('DRAFT'),
    submittedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('questionnaire_responses_cohort_week_user_uq').on(t.cohortId, t.week, t.userId),
    index('questionnaire_responses_submitted_idx')
      .on(t.cohortId, t.submittedAt)
      .where(sql`${t.status} = 'SUBMITTED'`),
    check('questionnaire_responses_submitted_ck', sql`(${t.status} = 'SUBMITTED') = (${t.submittedAt} IS NOT NULL)`),
  ],
);

/** One feedback message per (client, cohort, week): a draft until published; the client sees published ones only. */
export const coachFeedback = pgTable(
  'coach_feedback',
  {
    id: uuid().primaryKey().defaultRandom(),
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    week: integer().notNull(),
    message: text().notNull(),
    videoUrl: text(),
    status: feedbackStatus().notNull().default('DRAFT'),
    authorId: text().references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('coach_feedback_user_cohort_week_uq').on(t.userId, t.cohortId, t.week),
    check('coach_feedback_published_ck', sql`(${t.status} = 'PUBLISHED') = (${t.publishedAt} IS NOT NULL)`),
  ],
);

/** Private notes of coaches on a client in a cohort. No client-facing query reads this table. */
export const coachNotes = pgTable(
  'coach_notes',
  {
    id: uuid().primaryKey().defaultRandom(),
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    authorId: text().references(() => users.id, { onDelete: 'set null' }),
    text: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('coach_notes_cohort_user_idx').on(t.cohortId, t.userId, t.createdAt)],
);

/** A coach's nudge to check in. At most one per client per studio-local day: extra ones are skipped. */
export const cohortNudges = pgTable(
  'cohort_nudges',
  {
    id: uuid().primaryKey().defaultRandom(),
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    day: date({ mode: 'string' }).notNull(),
    sentBy: text().references(() => users.id, { onDelete: 'set null' }),
    message: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cohort_nudges_user_day_uq').on(t.userId, t.day)],
);
