import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
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
import { membershipPlans } from './credits';
import { appointmentStatus } from './enums';

/*
 * 1-on-1 appointments. Availability is stored as studio wall-clock times and local dates and
 * only turned into instants (in the studio time zone) when slots are computed, so 09:00 stays
 * 09:00 across a daylight-saving change. "A coach is in one place at a time" is an exclusion
 * constraint on `appointments` (hand-written in migration 0014, btree_gist) over the busy range
 * (start − buffer before, end + buffer after) of live appointments.
 */

export const appointmentServices = pgTable(
  'appointment_services',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    description: text().notNull().default(''),
    color: text().notNull().default('#0f766e'),
    durationMins: integer().notNull(),
    bufferBeforeMins: integer().notNull().default(0),
    bufferAfterMins: integer().notNull().default(0),
    startIntervalMins: integer().notNull().default(30),
    minNoticeHours: integer().notNull().default(12),
    bookingHorizonDays: integer().notNull().default(30),
    lateCancelHoursBefore: integer().notNull().default(24),
    creditCost: integer().notNull().default(1),
    selfBookable: boolean().notNull().default(true),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('appointment_services_name_uq').on(sql`lower(${t.name})`),
    check('appointment_services_duration_ck', sql`${t.durationMins} BETWEEN 5 AND 480`),
    check('appointment_services_buffers_ck', sql`${t.bufferBeforeMins} >= 0 AND ${t.bufferAfterMins} >= 0`),
    check('appointment_services_interval_ck', sql`${t.startIntervalMins} IN (15, 30, 60)`),
    check('appointment_services_horizon_ck', sql`${t.bookingHorizonDays} BETWEEN 1 AND 365`),
    check('appointment_services_rules_ck', sql`${t.minNoticeHours} >= 0 AND ${t.lateCancelHoursBefore} >= 0`),
    check('appointment_services_cost_ck', sql`${t.creditCost} >= 0`),
  ],
);

/** Which coaches offer a service. */
export const appointmentServiceCoaches = pgTable(
  'appointment_service_coaches',
  {
    serviceId: uuid()
      .notNull()
      .references(() => appointmentServices.id, { onDelete: 'cascade' }),
    coachId: text()
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.coachId] }),
    index('appointment_service_coaches_coach_idx').on(t.coachId),
  ],
);

/** The appointment services a plan pays for (the service side of "what a credit pays for", ADR 0017). */
export const planAppointmentServices = pgTable(
  'plan_appointment_services',
  {
    planId: uuid()
      .notNull()
      .references(() => membershipPlans.id, { onDelete: 'cascade' }),
    serviceId: uuid()
      .notNull()
      .references(() => appointmentServices.id),
  },
  (t) => [primaryKey({ columns: [t.planId, t.serviceId] })],
);

const HH_MM = `'^([01][0-9]|2[0-3]):[0-5][0-9]$'`;
const HH_MM_OR_MIDNIGHT = `'^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$'`;

/** A coach's weekly working hours: several rows per weekday for several ranges. */
export const coachWeeklyHours = pgTable(
  'coach_weekly_hours',
  {
    id: uuid().primaryKey().defaultRandom(),
    coachId: text()
      .notNull()
      .references(() => users.id),
    weekday: text().notNull(),
    startTime: text().notNull(),
    endTime: text().notNull(),
  },
  (t) => [
    index('coach_weekly_hours_coach_idx').on(t.coachId),
    check('coach_weekly_hours_weekday_ck', sql`${t.weekday} IN ('MON','TUE','WED','THU','FRI','SAT','SUN')`),
    check(
      'coach_weekly_hours_time_ck',
      sql`${t.startTime} ~ ${sql.raw(HH_MM)} AND ${t.endTime} ~ ${sql.raw(HH_MM_OR_MIDNIGHT)} AND ${t.endTime} > ${t.startTime}`,
    ),
  ],
);

/** Other hours on one date (`ranges` empty = off that day). */
export const coachDateOverrides = pgTable(
  'coach_date_overrides',
  {
    coachId: text()
      .notNull()
      .references(() => users.id),
    date: date({ mode: 'string' }).notNull(),
    ranges: jsonb().$type<Array<{ start: string; end: string }>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.coachId, t.date] })],
);

/** Whole days off, both dates included. */
export const coachTimeOff = pgTable(
  'coach_time_off',
  {
    id: uuid().primaryKey().defaultRandom(),
    coachId: text()
      .notNull()
      .references(() => users.id),
    fromDate: date({ mode: 'string' }).notNull(),
    toDate: date({ mode: 'string' }).notNull(),
    note: text().notNull().default(''),
  },
  (t) => [
    index('coach_time_off_coach_idx').on(t.coachId, t.toDate),
    check('coach_time_off_dates_ck', sql`${t.toDate} >= ${t.fromDate}`),
  ],
);

export const appointments = pgTable(
  'appointments',
  {
    id: uuid().primaryKey().defaultRandom(),
    serviceId: uuid()
      .notNull()
      .references(() => appointmentServices.id),
    coachId: text()
      .notNull()
      .references(() => users.id),
    clientId: text()
      .notNull()
      .references(() => users.id),
    startTime: timestamp({ withTimezone: true }).notNull(),
    endTime: timestamp({ withTimezone: true }).notNull(),
    /** start − buffer before: the coach is busy from here. */
    busyFrom: timestamp({ withTimezone: true }).notNull(),
    /** end + buffer after. */
    busyUntil: timestamp({ withTimezone: true }).notNull(),
    status: appointmentStatus().notNull().default('BOOKED'),
    notes: text().notNull().default(''),
    coachNotes: text().notNull().default(''),
    lateCancelsAfter: timestamp({ withTimezone: true }).notNull(),
    bookedBy: text().references(() => users.id, { onDelete: 'set null' }),
    compReason: text(),
    cancelledAt: timestamp({ withTimezone: true }),
    attendanceMarkedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appointments_client_idx').on(t.clientId, t.startTime),
    index('appointments_coach_idx').on(t.coachId, t.startTime),
    index('appointments_start_idx').on(t.startTime),
    check('appointments_time_ck', sql`${t.endTime} > ${t.startTime}`),
    check('appointments_busy_ck', sql`${t.busyFrom} <= ${t.startTime} AND ${t.busyUntil} >= ${t.endTime}`),
  ],
);
