import { z } from 'zod';
import { ROLES } from '../domain/access/roles';
import { timestamp, uuid } from './common';

/** Zod schemas of the signed-in person, studio settings, notifications, staff list and health check. */

export const meView = z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.enum(ROLES) });

export const staffList = z.object({
  staff: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(['COACH', 'ADMIN']) })),
});

export const healthView = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) });

export const publicSettings = z.object({
  studio: z.object({ name: z.string(), timezone: z.string(), currency: z.string(), weekStartsOn: z.string() }),
  features: z.object({ appointments: z.boolean(), sessions: z.boolean(), cohorts: z.boolean() }),
  payments: z.object({ online: z.boolean().describe('Clients can buy and subscribe online (Stripe is set up)') }),
});

export const signInOptions = z.object({ google: z.boolean() });

export const adminSetting = z.object({
  key: z.string(),
  value: z.unknown(),
  defaultValue: z.unknown(),
  label: z.string(),
  help: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: timestamp.nullable(),
});
export const adminSettingList = z.object({ settings: z.array(adminSetting) });
export const settingKeyParam = z.object({ key: z.string().min(1).max(100) });
export const settingBody = z.object({ value: z.unknown() });
export const settingChanged = z.object({
  key: z.string(),
  value: z.unknown(),
  updatedBy: z.string(),
  updatedAt: timestamp,
});

export const notificationList = z.object({
  unreadCount: z.number(),
  /** The bell's badge: unread and newer than the newest one seen (on any device). */
  badgeCount: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      title: z.string(),
      body: z.string(),
      link: z.string().nullable(),
      createdAt: timestamp,
      readAt: timestamp.nullable(),
    }),
  ),
});
export const markReadBody = z.object({ ids: z.array(z.uuid()).max(500).optional() }).default({});
export const markReadResult = z.object({ marked: z.number() });
export const markSeenBody = z.object({
  upToId: uuid().describe('The newest notification shown: the badge clears up to it on every device'),
});
export const markSeenResult = z.object({ seenAt: timestamp });
