import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid, integer, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { emailStatus } from './enums';

/** Studio settings and feature flags: key → JSON value. Unset keys use the defaults in code. */
export const systemSettings = pgTable('system_settings', {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedBy: text().references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Append-only record of admin actions (rows are immutable: see the trigger migration). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid().primaryKey().defaultRandom(),
    actorId: text().references(() => users.id, { onDelete: 'set null' }),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    before: jsonb(),
    after: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_created_at_idx').on(t.createdAt)],
);

/**
 * Every email Roster sends goes through this outbox: written in the same transaction as the
 * change that caused it, delivered by the outbox job when SMTP is configured, and readable by
 * admins otherwise. `dedupeKey` makes "send this once" idempotent across retries and instances.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    /** A path inside the app (e.g. /classes/…); made absolute with BASE_URL when the email is sent. */
    link: text(),
    kind: text().notNull(),
    dedupeKey: text().unique(),
    status: emailStatus().notNull().default('PENDING'),
    attempts: integer().notNull().default(0),
    claimedAt: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('email_outbox_pending_idx')
      .on(t.createdAt)
      .where(sql`status = 'PENDING'`),
  ],
);

/**
 * In-app notifications (the bell). `feature` names the feature flag the notification belongs
 * to, so a disabled feature's notifications disappear with it. `dedupeKey` makes jobs that
 * notify (reminders, nudges) idempotent.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    feature: text(), // null = always visible; otherwise 'sessions' | 'cohorts' | 'appointments'
    kind: text().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    link: text(),
    dedupeKey: text(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_created_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_dedupe_key_uq').on(t.dedupeKey),
  ],
);
