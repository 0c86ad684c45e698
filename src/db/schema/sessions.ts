import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { registrationPayment, registrationStatus, sessionStatus } from './enums';

/*
 * Tables of the group-sessions area. Invariants that must hold under any concurrency are
 * written here as constraints and partial unique indexes; the services add the rules that
 * need more than one row (capacity, waitlist order), under a lock on the session row.
 */

/** A kind of class (HIIT, CORE…) and the defaults its sessions start from. */
export const classTypes = pgTable(
  'class_types',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    description: text().notNull().default(''),
    color: text().notNull().default('#452ddb'),
    defaultCapacity: integer().notNull(),
    defaultDurationMins: integer().notNull(),
    creditCost: integer().notNull().default(1),
    bookingOpensHoursBefore: integer().notNull().default(336),
    bookingClosesMinutesBefore: integer().notNull().default(0),
    lateCancelHoursBefore: integer().notNull().default(2),
    /** null = unlimited waitlist, 0 = no waitlist. */
    waitlistLimit: integer(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('class_types_name_uq').on(sql`lower(${t.name})`),
    check('class_types_capacity_ck', sql`${t.defaultCapacity} > 0`),
    check('class_types_duration_ck', sql`${t.defaultDurationMins} > 0`),
    check('class_types_cost_ck', sql`${t.creditCost} >= 0`),
    check(
      'class_types_windows_ck',
      sql`${t.bookingOpensHoursBefore} >= 0 AND ${t.bookingClosesMinutesBefore} >= 0 AND ${t.lateCancelHoursBefore} >= 0`,
    ),
    check('class_types_waitlist_ck', sql`${t.waitlistLimit} IS NULL OR ${t.waitlistLimit} >= 0`),
  ],
);

/** A weekly pattern that generated sessions (kept so a series can be edited or cancelled). */
export const sessionSchedules = pgTable('session_schedules', {
  id: uuid().primaryKey().defaultRandom(),
  classTypeId: uuid()
    .notNull()
    .references(() => classTypes.id),
  coachId: text()
    .notNull()
    .references(() => users.id),
  daysOfWeek: text().array().notNull(),
  localTime: text().notNull(),
  fromDate: date({ mode: 'string' }).notNull(),
  toDate: date({ mode: 'string' }).notNull(),
  timezone: text().notNull(),
  capacity: integer().notNull(),
  location: text().notNull().default(''),
  /** Ongoing: the sessions job keeps generating it ahead; `toDate` is then how far it has been generated. */
  ongoing: boolean().notNull().default(false),
  title: text(),
  notes: text(),
  durationMins: integer(),
  createdBy: text().references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * One scheduled class. `registeredCount` (places taken: REGISTERED, ATTENDED, NO_SHOW) and
 * `waitlistCount` are kept in step with session_registrations by the services, always in the
 * same transaction and under this row's lock, so the week view and booking read them without
 * counting registrations.
 */
export const classSessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    classTypeId: uuid()
      .notNull()
      .references(() => classTypes.id),
    coachId: text()
      .notNull()
      .references(() => users.id),
    scheduleId: uuid().references(() => sessionSchedules.id, { onDelete: 'set null' }),
    title: text().notNull(),
    startTime: timestamp({ withTimezone: true }).notNull(),
    endTime: timestamp({ withTimezone: true }).notNull(),
    capacity: integer().notNull(),
    location: text().notNull().default(''),
    notes: text().notNull().default(''),
    status: sessionStatus().notNull().default('SCHEDULED'),
    creditCost: integer().notNull(),
    registrationsOpenAt: timestamp({ withTimezone: true }).notNull(),
    registrationsCloseAt: timestamp({ withTimezone: true }).notNull(),
    lateCancelsAfter: timestamp({ withTimezone: true }).notNull(),
    registeredCount: integer().notNull().default(0),
    waitlistCount: integer().notNull().default(0),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelledBy: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sessions_start_idx').on(t.startTime),
    index('sessions_schedule_idx').on(t.scheduleId, t.startTime),
    // A coach cannot run the same class twice at the same moment; schedules rely on it to
    // skip slots that already exist, also when two schedules are created at once.
    uniqueIndex('sessions_slot_uq')
      .on(t.classTypeId, t.coachId, t.startTime)
      .where(sql`${t.status} <> 'CANCELLED'`),
    check('sessions_time_ck', sql`${t.endTime} > ${t.startTime}`),
    check('sessions_capacity_ck', sql`${t.capacity} >= 0`),
    check('sessions_cost_ck', sql`${t.creditCost} >= 0`),
    check(
      'sessions_counts_ck',
      sql`${t.registeredCount} >= 0 AND ${t.waitlistCount} >= 0 AND ${t.registeredCount} <= ${t.capacity}`,
    ),
  ],
);

/**
 * A client's place (or place in the queue) in a session. At most one live registration per
 * (session, client) — enforced by a partial unique index; cancelled rows stay as history, so
 * booking again after cancelling creates a new row.
 */
export const sessionRegistrations = pgTable(
  'session_registrations',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => classSessions.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: registrationStatus().notNull(),
    /** 1-based place in the queue while WAITLISTED, null otherwise. */
    waitlistPosition: integer(),
    creditsConsumed: integer().notNull().default(0),
    bookedBy: text().references(() => users.id, { onDelete: 'set null' }),
    registeredAt: timestamp({ withTimezone: true }).notNull(),
    promotedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelledBy: text().references(() => users.id, { onDelete: 'set null' }),
    attendanceMarkedAt: timestamp({ withTimezone: true }),
    attendanceMarkedBy: text().references(() => users.id, { onDelete: 'set null' }),
    /** How the place was paid (see REGISTRATION_PAYMENTS); bookings by clients are always CREDITS. */
    payment: registrationPayment().notNull().default('CREDITS'),
    /** AT_DESK only: when staff recorded the payment (null = still owed). */
    paidAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('session_registrations_paid_ck', sql`${t.paidAt} IS NULL OR ${t.payment} = 'AT_DESK'`),
    // WAITLIST_CLOSED is history too: a client whose wait ended when the class began can still be
    // added to it by a coach (a new row).
    uniqueIndex('session_registrations_live_uq')
      .on(t.sessionId, t.userId)
      .where(sql`${t.status} NOT IN ('CANCELLED', 'LATE_CANCELLED', 'WAITLIST_CLOSED')`),
    index('session_registrations_session_idx').on(t.sessionId, t.status, t.waitlistPosition),
    index('session_registrations_user_idx').on(t.userId, t.status),
    check(
      'session_registrations_position_ck',
      sql`(${t.status} = 'WAITLISTED') = (${t.waitlistPosition} IS NOT NULL) AND (${t.waitlistPosition} IS NULL OR ${t.waitlistPosition} >= 1)`,
    ),
  ],
);

/** The secret of a client's private calendar feed (ICS). Resetting replaces it. */
export const calendarFeedTokens = pgTable('calendar_feed_tokens', {
  userId: text()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  token: text().notNull().unique(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Emails about classes: confirmations opt-in, reminders opt-out (promotion and studio cancellations are always sent). */
export const sessionNotificationPreferences = pgTable(
  'session_notification_preferences',
  {
    userId: text()
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    bookingConfirmations: boolean().notNull().default(false),
    /** On unless the client turns it off (ADR 0022). */
    reminders: boolean().notNull().default(true),
    reminderHoursBefore: integer().notNull().default(2),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('session_notification_preferences_hours_ck', sql`${t.reminderHoursBefore} BETWEEN 1 AND 48`)],
);
