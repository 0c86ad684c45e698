import { and, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client';
import { auditLog, memberships, payments, sessionRegistrations, users } from '../../db/schema';
import { AUDIT_ID_KEYS, describeAuditChange } from '../../domain/audit/describe-audit-change';
import { addLocalDays, startOfLocalDate, type LocalDate } from '../../domain/time/studio-week';
import { loadSettings } from '../settings/settings-service';
import { loadAuditNames, type NameRequest } from './audit-names';

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
    target: { type: string; id: string; name: string | null } | null;
    summary: string;
  }>;
  nextCursor: string | null;
}

interface AuditLogFilters {
  before?: Date;
  limit: number;
  targetId?: string;
  /** What this person did, or what is about them. */
  personId?: string;
  /** Only what is about this person (their account history). */
  subjectId?: string;
  action?: string;
  from?: LocalDate;
  to?: LocalDate;
}

/**
 * Entries about a person: their account (role, details, profile, credits) and what is theirs —
 * memberships, bookings (comp, at the desk, paid, attendance corrected), payments, cohort places.
 * One statement: the owned ids are uncorrelated sub-selects (hashed once per query), never a
 * query per entry. A cold admin path, so it stays on the builder's `sql` rather than raw rows.
 */
function aboutPerson(personId: string): SQL {
  const ownedBy = (type: string, ids: SQL) =>
    sql`(${auditLog.targetType} = ${type} and ${auditLog.targetId} in (${ids}))`;
  return or(
    and(eq(auditLog.targetType, 'user'), eq(auditLog.targetId, personId)),
    ownedBy(
      'membership',
      sql`select ${memberships.id}::text from ${memberships} where ${memberships.userId} = ${personId}`,
    ),
    ownedBy(
      'registration',
      sql`select ${sessionRegistrations.id}::text from ${sessionRegistrations} where ${sessionRegistrations.userId} = ${personId}`,
    ),
    ownedBy('payment', sql`select ${payments.id}::text from ${payments} where ${payments.userId} = ${personId}`),
    // Enrolled in or withdrawn from a cohort: the cohort is the target, the person is in `after`.
    and(eq(auditLog.targetType, 'cohort'), sql`${auditLog.after} ->> 'userId' = ${personId}`),
  )!;
}

async function filtersOf(db: Database, opts: AuditLogFilters): Promise<SQL[]> {
  const filters: SQL[] = [];
  if (opts.before) filters.push(lt(auditLog.createdAt, opts.before));
  if (opts.targetId) filters.push(eq(auditLog.targetId, opts.targetId));
  if (opts.action) filters.push(eq(auditLog.action, opts.action));
  if (opts.subjectId) filters.push(aboutPerson(opts.subjectId));
  if (opts.personId) filters.push(or(eq(auditLog.actorId, opts.personId), aboutPerson(opts.personId))!);
  if (opts.from || opts.to) {
    // The dates are studio-local days: the studio's midnight, not UTC's.
    const { 'studio.timezone': timeZone } = await loadSettings(db);
    if (opts.from) filters.push(gte(auditLog.createdAt, startOfLocalDate(opts.from, timeZone)));
    if (opts.to) filters.push(lt(auditLog.createdAt, startOfLocalDate(addLocalDays(opts.to, 1), timeZone)));
  }
  return filters;
}

/** Ids of named things inside an entry's before/after (coachId, userId, classTypeId…). */
function idsInside(value: unknown): Array<[type: string, id: string]> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => {
    const type = AUDIT_ID_KEYS[key];
    if (!type) return [];
    const ids = Array.isArray(v) ? v : [v];
    return ids.filter((id): id is string => typeof id === 'string').map((id) => [type, id] as [string, string]);
  });
}

/** Newest first; `before` is the createdAt ISO cursor of the last entry of the previous page. */
export async function listAuditLog(db: Database, opts: AuditLogFilters): Promise<AuditLogPage> {
  const filters = await filtersOf(db, opts);
  const rows = await db
    .select({ entry: auditLog, actor: { id: actor.id, name: actor.name, email: actor.email } })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);

  const request: NameRequest = { byType: new Map() };
  const want = (type: string, id: string) => request.byType.set(type, (request.byType.get(type) ?? new Set()).add(id));
  for (const { entry } of page) {
    if (entry.targetId) want(entry.targetType, entry.targetId);
    for (const [type, id] of [...idsInside(entry.before), ...idsInside(entry.after)]) want(type, id);
  }
  const names = await loadAuditNames(db, request);
  const byId = Object.fromEntries([...names].map(([key, name]) => [key.slice(key.indexOf(':') + 1), name]));
  const { 'studio.timezone': timeZone } = await loadSettings(db);

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
      target: entry.targetId
        ? {
            type: entry.targetType,
            id: entry.targetId,
            name: names.get(`${entry.targetType}:${entry.targetId}`) ?? null,
          }
        : null,
      summary: describeAuditChange(entry, { names: byId, timeZone }),
    })),
    nextCursor: rows.length > opts.limit ? page[page.length - 1]!.entry.createdAt.toISOString() : null,
  };
}
