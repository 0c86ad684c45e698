import { sql } from 'drizzle-orm';
import {
  bigint,
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
import { grantSource, ledgerKind, membershipStatus, planType } from './enums';
import { classTypes } from './sessions';

/*
 * Memberships and credits. Credits are *grants* with a validity window that the paid-for
 * session's start must fall in; every movement of a credit is an immutable row of
 * `credit_transactions` (append-only by trigger), and `credit_grants.remaining` is a cache of
 * that grant's ledger sum, written in the same statement as the ledger row.
 */

/** RECURRING: weekly credits, monthly price. PACK: N credits once. PREPAID: fixed term with weekly credits. */
export const membershipPlans = pgTable(
  'membership_plans',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    type: planType().notNull(),
    description: text().notNull().default(''),
    features: jsonb().$type<string[]>().notNull().default([]),
    creditsPerWeek: integer(),
    totalCredits: integer(),
    durationDays: integer(),
    commitmentMonths: integer(),
    expiryDays: integer(),
    /** In minor units (pence): prices are never floats in the database. */
    priceMinor: integer().notNull(),
    currency: text().notNull().default('GBP'),
    purchasableByClient: boolean().notNull().default(true),
    allowRepeatPurchase: boolean().notNull().default(true),
    /** Pays for every class type; false = only those in plan_class_types (none = no classes). ADR 0017. */
    coversAllClassTypes: boolean().notNull().default(true),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('membership_plans_price_ck', sql`${t.priceMinor} >= 0`),
    check(
      'membership_plans_fields_by_type_ck',
      sql`(${t.type} = 'RECURRING' AND ${t.creditsPerWeek} > 0)
        OR (${t.type} = 'PACK' AND ${t.totalCredits} > 0)
        OR (${t.type} = 'PREPAID' AND ${t.creditsPerWeek} > 0 AND ${t.durationDays} > 0)`,
    ),
  ],
);

/** The class types a plan pays for when it does not cover them all (`coversAllClassTypes`). */
export const planClassTypes = pgTable(
  'plan_class_types',
  {
    planId: uuid()
      .notNull()
      .references(() => membershipPlans.id, { onDelete: 'cascade' }),
    classTypeId: uuid()
      .notNull()
      .references(() => classTypes.id),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.classTypeId] }),
    index('plan_class_types_class_type_idx').on(t.classTypeId),
  ],
);

/**
 * A user's plan. `planType` copies the plan's type (which never changes) so the partial unique
 * index can enforce "at most one ACTIVE or PAUSED RECURRING-or-PREPAID membership per user".
 * Dates are studio-local calendar dates; `endDate` is the last day covered (inclusive).
 */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id),
    planId: uuid()
      .notNull()
      .references(() => membershipPlans.id),
    planType: planType().notNull(),
    status: membershipStatus().notNull().default('ACTIVE'),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }),
    pausedOn: date({ mode: 'string' }),
    /** A pause booked for dates: from (first paused day) to until (last paused day), with its reason. */
    pauseFrom: date({ mode: 'string' }),
    pauseUntil: date({ mode: 'string' }),
    pauseReason: text(),
    paymentReference: text(),
    /**
     * Started on a Direct Debit that is still pending (ADR 0023): only the first week's credits
     * are granted until the payment succeeds; it is cancelled and clawed back if it fails.
     */
    provisional: boolean().notNull().default(false),
    assignedBy: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('memberships_dates_ck', sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate} - 1`),
    check(
      'memberships_pause_ck',
      sql`(${t.pauseFrom} IS NULL) = (${t.pauseUntil} IS NULL) AND (${t.pauseFrom} IS NULL OR ${t.pauseUntil} >= ${t.pauseFrom})`,
    ),
    uniqueIndex('memberships_one_term_plan_per_user_uq')
      .on(t.userId)
      .where(sql`status IN ('ACTIVE', 'PAUSED') AND plan_type IN ('RECURRING', 'PREPAID')`),
    index('memberships_user_idx').on(t.userId, t.createdAt),
    index('memberships_active_idx')
      .on(t.status)
      .where(sql`status = 'ACTIVE'`),
  ],
);

/**
 * Credits that can pay for sessions starting inside `[validFrom, validUntil)`. A weekly grant
 * has `weekStart`; the unique (membership, week) key makes allocation happen exactly once.
 */
export const creditGrants = pgTable(
  'credit_grants',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id),
    membershipId: uuid().references(() => memberships.id),
    source: grantSource().notNull(),
    amount: integer().notNull(),
    remaining: integer().notNull(),
    validFrom: timestamp({ withTimezone: true }).notNull(),
    validUntil: timestamp({ withTimezone: true }),
    weekStart: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('credit_grants_remaining_ck', sql`${t.remaining} >= 0 AND ${t.remaining} <= ${t.amount}`),
    check('credit_grants_amount_ck', sql`${t.amount} > 0`),
    check('credit_grants_window_ck', sql`${t.validUntil} IS NULL OR ${t.validUntil} > ${t.validFrom}`),
    check('credit_grants_week_ck', sql`(${t.source} = 'PLAN_ALLOCATION') = (${t.weekStart} IS NOT NULL)`),
    uniqueIndex('credit_grants_membership_week_uq').on(t.membershipId, t.weekStart),
    uniqueIndex('credit_grants_pack_purchase_uq')
      .on(t.membershipId)
      .where(sql`source = 'PACK_PURCHASE'`),
    index('credit_grants_user_usable_idx')
      .on(t.userId, t.validUntil)
      .where(sql`remaining > 0`),
    index('credit_grants_expiring_idx')
      .on(t.validUntil)
      .where(sql`remaining > 0`),
  ],
);

/**
 * The credit ledger: every grant, consumption, refund, adjustment and expiry, never updated or
 * deleted (trigger). `seq` orders a user's history and pages it. `registrationId`/`sessionId`
 * point into the sessions area without a foreign key (that area owns those tables). Every index
 * here costs each booking and cancellation a write: only what is read has one (by user in `seq`
 * order, by grant, by registration; nothing reads the ledger by session or by `seq` alone).
 */
export const creditTransactions = pgTable(
  'credit_transactions',
  {
    id: uuid().primaryKey().defaultRandom(),
    seq: bigint({ mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    userId: text()
      .notNull()
      .references(() => users.id),
    /** Null only for a COMP line, which moves no credit. */
    grantId: uuid().references(() => creditGrants.id),
    kind: ledgerKind().notNull(),
    amount: integer().notNull(),
    reasonCode: text().notNull(),
    description: text().notNull(),
    registrationId: uuid(),
    sessionId: uuid(),
    /** The 1-on-1 appointment a line pays for or refunds (ADR 0017); no foreign key, like the others. */
    appointmentId: uuid(),
    actorId: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    check(
      'credit_transactions_sign_ck',
      sql`(${t.kind} IN ('GRANT', 'REFUND') AND ${t.amount} > 0) OR (${t.kind} IN ('CONSUME', 'EXPIRE') AND ${t.amount} < 0) OR (${t.kind} = 'ADJUST' AND ${t.amount} <> 0) OR (${t.kind}::text = 'COMP' AND ${t.amount} = 0)`,
    ),
    // A COMP line has no grant, every other line has one. `::text` because the migration that adds
    // the enum value runs in the same transaction, where the new value cannot be used as a literal yet.
    check('credit_transactions_grant_ck', sql`(${t.kind}::text = 'COMP') = (${t.grantId} IS NULL)`),
    index('credit_transactions_user_seq_idx').on(t.userId, t.seq),
    index('credit_transactions_grant_idx').on(t.grantId),
    index('credit_transactions_registration_idx').on(t.registrationId),
    // Partial: a class booking's ledger row (appointment_id null) writes no entry here.
    index('credit_transactions_appointment_idx')
      .on(t.appointmentId)
      .where(sql`appointment_id IS NOT NULL`),
  ],
);
