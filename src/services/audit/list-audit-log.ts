import { desc, eq, lt, and, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client';
import { auditLog, users } from '../../db/schema';

const actor = alias(users, 'actor');

export interface AuditLogPage {
  entries: Array<{
    id: string;
    action: string;
    targetType: string;
    targetId: string | null;
    before: unknown;
    after: unknown;
    createdAt: Date;
    actor: { id: string; name: string; email: string } | null;
  }>;
  nextCursor: string | null;
}

/** Newest first; `before` is the createdAt ISO cursor of the last entry of the previous page. */
export async function listAuditLog(
  db: Database,
  opts: { before?: Date; limit: number; targetId?: string },
): Promise<AuditLogPage> {
  const filters: SQL[] = [];
  if (opts.before) filters.push(lt(auditLog.createdAt, opts.before));
  if (opts.targetId) filters.push(eq(auditLog.targetId, opts.targetId));
  const rows = await db
    .select({ entry: auditLog, actor: { id: actor.id, name: actor.name, email: actor.email } })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  return {
    entries: page.map(({ entry, actor: a }) => ({
      id: entry.id,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: entry.before,
      after: entry.after,
      createdAt: entry.createdAt,
      actor: a?.id ? { id: a.id, name: a.name, email: a.email } : null,
    })),
    nextCursor: rows.length > opts.limit ? page[page.length - 1]!.entry.createdAt.toISOString() : null,
  };
}
