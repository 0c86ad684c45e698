import type { Executor } from '../../db/client';
import { auditLog } from '../../db/schema';

export interface AuditEntry {
  actorId: string | null;
  action: string; // e.g. 'user.role_changed', 'setting.updated'
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Call inside the transaction that makes the change, so the change and its record commit together. */
export async function recordAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
