import { asc, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { classTypes } from '../../db/schema';
import { DomainError } from '../../domain/shared/domain-error';
import { recordAudit } from '../audit/record-audit';

export type ClassType = typeof classTypes.$inferSelect;

export interface ClassTypeInput {
  name: string;
  description?: string;
  color?: string;
  defaultCapacity: number;
  defaultDurationMins: number;
  creditCost?: number;
  bookingOpensHoursBefore?: number;
  bookingClosesMinutesBefore?: number;
  lateCancelHoursBefore?: number;
  waitlistLimit?: number | null;
  active?: boolean;
}

export function toClassTypeView(c: ClassType) {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    color: c.color,
    defaultCapacity: c.defaultCapacity,
    defaultDurationMins: c.defaultDurationMins,
    creditCost: c.creditCost,
    bookingOpensHoursBefore: c.bookingOpensHoursBefore,
    bookingClosesMinutesBefore: c.bookingClosesMinutesBefore,
    lateCancelHoursBefore: c.lateCancelHoursBefore,
    waitlistLimit: c.waitlistLimit,
    active: c.active,
  };
}

/** Class types by name; archived ones only when asked (staff managing them). */
export async function listClassTypes(db: Database, opts: { includeInactive: boolean }) {
  const rows = await db
    .select()
    .from(classTypes)
    .where(opts.includeInactive ? undefined : eq(classTypes.active, true))
    .orderBy(asc(classTypes.name));
  return rows.map(toClassTypeView);
}

export async function getClassType(db: Executor, id: string): Promise<ClassType> {
  const [row] = await db.select().from(classTypes).where(eq(classTypes.id, id));
  if (!row) throw new DomainError('CLASS_TYPE_NOT_FOUND', 'No such class type');
  return row;
}

async function assertNameFree(db: Database, name: string, exceptId?: string) {
  const [clash] = await db
    .select({ id: classTypes.id })
    .from(classTypes)
    .where(
      sql`lower(${classTypes.name}) = lower(${name}) ${exceptId ? sql`AND ${classTypes.id} <> ${exceptId}` : sql``}`,
    );
  if (clash)
    throw new DomainError('CLASS_TYPE_EXISTS', `There is already a class type called "${name}"`, { field: 'name' });
}

export async function createClassType(db: Database, actorId: string, input: ClassTypeInput) {
  const name = input.name.trim();
  await assertNameFree(db, name);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(classTypes)
      .values({ ...input, name, description: input.description?.trim() ?? '' })
      .returning();
    const view = toClassTypeView(created!);
    await recordAudit(tx, {
      actorId,
      action: 'class_type.created',
      targetType: 'class_type',
      targetId: created!.id,
      after: view,
    });
    return view;
  });
}

/** Changes apply to sessions scheduled from now on; existing sessions keep their own windows and cost. */
export async function updateClassType(
  db: Database,
  actorId: string,
  id: string,
  patch: Partial<ClassTypeInput>,
  now: Date,
) {
  const before = await getClassType(db, id);
  if (patch.name !== undefined) await assertNameFree(db, patch.name.trim(), id);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(classTypes)
      .set({ ...patch, ...(patch.name !== undefined ? { name: patch.name.trim() } : {}), updatedAt: now })
      .where(eq(classTypes.id, id))
      .returning();
    const view = toClassTypeView(updated!);
    await recordAudit(tx, {
      actorId,
      action: 'class_type.updated',
      targetType: 'class_type',
      targetId: updated!.id,
      before: toClassTypeView(before),
      after: view,
    });
    return view;
  });
}
