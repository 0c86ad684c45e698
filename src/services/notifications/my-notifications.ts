import { and, count, desc, eq, exists, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { notifications, users } from '../../db/schema';
import { DomainError } from '../../domain/shared/domain-error';
import { FEATURES, isFeatureEnabled, type SettingValues } from '../../domain/settings/setting-definitions';

function visibleTo(userId: string, settings: SettingValues) {
  const enabled = FEATURES.filter((f) => isFeatureEnabled(settings, f));
  const featureVisible = enabled.length
    ? or(isNull(notifications.feature), inArray(notifications.feature, enabled))
    : isNull(notifications.feature);
  return and(eq(notifications.userId, userId), featureVisible);
}

export async function listMyNotifications(db: Database, userId: string, settings: SettingValues, limit = 50) {
  const where = visibleTo(userId, settings);
  const seenAt = db.select({ at: users.notificationsSeenAt }).from(users).where(eq(users.id, userId));
  // The badge: unread and newer than the newest one seen on any device (all unread when none was).
  const sinceSeen = sql`${notifications.createdAt} > coalesce((${seenAt}), '-infinity'::timestamptz)`;
  const [items, [unread]] = await Promise.all([
    db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt)).limit(limit),
    db
      .select({ n: count(), badge: count(sql`case when ${sinceSeen} then 1 end`) })
      .from(notifications)
      .where(and(where, isNull(notifications.readAt))),
  ]);
  return {
    unreadCount: Number(unread?.n ?? 0),
    badgeCount: Number(unread?.badge ?? 0),
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: n.createdAt,
      readAt: n.readAt,
    })),
  };
}

/** Marks the given notifications (or all of them) read; only ever the caller's own. */
export async function markNotificationsRead(db: Database, userId: string, ids?: string[]) {
  const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
  const result = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(ids?.length ? and(mine, inArray(notifications.id, ids)) : mine)
    .returning({ id: notifications.id });
  return { marked: result.length };
}

/**
 * The person opened their notifications: the badge clears up to the newest one they were shown
 * (by id, so a notification that arrived meanwhile still counts) on every device. One UPDATE with
 * GREATEST: two devices opening at once, or an older list answered late, never move it back.
 */
export async function markNotificationsSeen(db: Database, userId: string, upToId: string) {
  const shown = db
    .select({ at: notifications.createdAt })
    .from(notifications)
    .where(and(eq(notifications.id, upToId), eq(notifications.userId, userId)));
  const [row] = await db
    .update(users)
    .set({ notificationsSeenAt: sql`greatest(${users.notificationsSeenAt}, (${shown}))` })
    .where(and(eq(users.id, userId), exists(shown)))
    .returning({ seenAt: users.notificationsSeenAt });
  if (!row) throw new DomainError('NOTIFICATION_NOT_FOUND', 'That notification is not yours or no longer exists');
  return { seenAt: row.seenAt! };
}
