import { and, desc, eq, inArray, isNull, or, sql, count } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { notifications } from '../../db/schema';
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
  const [items, [unread]] = await Promise.all([
    db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt)).limit(limit),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(where, isNull(notifications.readAt))),
  ]);
  return {
    unreadCount: Number(unread?.n ?? 0),
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
