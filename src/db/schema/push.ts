import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { pushDeliveryStatus, pushUrgency } from './enums';
import { notifications } from './platform';

/*
 * Web Push (ADR 0020): the devices that asked for notifications, the outbox of pushes to send, and
 * the VAPID key pair of a studio that did not set one in its environment.
 */

/**
 * One row per browser that subscribed (a phone, a laptop). The endpoint is the push service's
 * address for that browser: unique, so a browser signed into by someone else moves to them.
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text().notNull(),
    p256dh: text().notNull(),
    auth: text().notNull(),
    /** "iPhone", "Android", "Chrome on a computer": to tell devices apart, from the user agent. */
    device: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('push_subscriptions_endpoint_uq').on(t.endpoint),
    index('push_subscriptions_user_idx').on(t.userId),
  ],
);

/**
 * The push outbox: one row per (notification, device), written in the notification's transaction
 * (the unique pair makes "once per notification per device" a database fact) and sent by the
 * delivery job, which claims rows with FOR UPDATE SKIP LOCKED.
 */
export const pushDeliveries = pgTable(
  'push_deliveries',
  {
    id: uuid().primaryKey().defaultRandom(),
    notificationId: uuid()
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    subscriptionId: uuid()
      .notNull()
      .references(() => pushSubscriptions.id, { onDelete: 'cascade' }),
    /** The feature the notification belongs to: nothing is sent while it is switched off. */
    feature: text(),
    payload: jsonb().notNull(),
    urgency: pushUrgency().notNull(),
    /** The class the message is about starts then: the push is pointless after it (TTL counts down to it). */
    classStartsAt: timestamp({ withTimezone: true }),
    status: pushDeliveryStatus().notNull().default('PENDING'),
    attempts: smallint().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('push_deliveries_notification_subscription_uq').on(t.notificationId, t.subscriptionId),
    index('push_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`status IN ('PENDING', 'SENDING')`),
  ],
);

/**
 * The studio's VAPID key pair when VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY are not set: made once by
 * whichever instance first needs it (insert-if-absent on the single row, then read back), so every
 * instance signs with the same key and existing subscriptions stay valid across restarts.
 */
export const pushVapidKeys = pgTable(
  'push_vapid_keys',
  {
    id: integer().primaryKey().default(1),
    publicKey: text().notNull(),
    privateKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('push_vapid_keys_single_row', sql`${t.id} = 1`)],
);
