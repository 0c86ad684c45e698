import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { classTypes, memberships, membershipPlans, planClassTypes } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import {
  decidePlanDefinition,
  type PlanDefinition,
  type PlanDefinitionInput,
} from '../../domain/credits/decide-plan-definition';
import type { PlanType } from '../../domain/credits/plan-types';
import { DomainError } from '../../domain/shared/domain-error';
import { recordAudit } from '../audit/record-audit';
import { loadSettings } from '../settings/settings-service';

type PlanRow = typeof membershipPlans.$inferSelect;

export interface PlanView extends Omit<PlanRow, 'type' | 'features'> {
  type: PlanType;
  features: string[];
  /** Major units, for display and for the edit form (e.g. 109.5). */
  price: number;
  classTypes: Array<{ id: string; name: string }>;
  /** Members holding it now (active or paused); admins only. */
  activeMembers?: number;
}

async function withClassTypes(db: Database | Tx, rows: PlanRow[], countMembers: boolean): Promise<PlanView[]> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const links = await db
    .select({ planId: planClassTypes.planId, id: classTypes.id, name: classTypes.name })
    .from(planClassTypes)
    .innerJoin(classTypes, eq(classTypes.id, planClassTypes.classTypeId))
    .where(inArray(planClassTypes.planId, ids))
    .orderBy(asc(classTypes.name));
  const counts = countMembers
    ? await db
        .select({ planId: memberships.planId, n: count() })
        .from(memberships)
        .where(and(inArray(memberships.planId, ids), inArray(memberships.status, ['ACTIVE', 'PAUSED'])))
        .groupBy(memberships.planId)
    : [];
  return rows.map((r) => ({
    ...r,
    type: r.type,
    features: r.features ?? [],
    price: r.priceMinor / 100,
    classTypes: links.filter((l) => l.planId === r.id).map(({ id, name }) => ({ id, name })),
    ...(countMembers ? { activeMembers: Number(counts.find((c) => c.planId === r.id)?.n ?? 0) } : {}),
  }));
}

/** Clients see the active plans they can buy; coaches every active plan; admins all plans. */
export async function listPlans(db: Database, actor: Actor): Promise<PlanView[]> {
  const where =
    actor.role === 'ADMIN'
      ? undefined
      : actor.role === 'COACH'
        ? eq(membershipPlans.active, true)
        : and(eq(membershipPlans.active, true), eq(membershipPlans.purchasableByClient, true));
  // Active first; memberships before prepaid programmes before packs; then by price.
  const typeOrder = sql`CASE ${membershipPlans.type} WHEN 'RECURRING' THEN 0 WHEN 'PREPAID' THEN 1 ELSE 2 END`;
  const rows = await db
    .select()
    .from(membershipPlans)
    .where(where)
    .orderBy(desc(membershipPlans.active), typeOrder, asc(membershipPlans.priceMinor), asc(membershipPlans.name));
  return withClassTypes(db, rows, actor.role === 'ADMIN');
}

export async function getPlan(db: Database | Tx, planId: string): Promise<PlanView> {
  const [row] = await db.select().from(membershipPlans).where(eq(membershipPlans.id, planId));
  if (!row) throw new DomainError('PLAN_NOT_FOUND', 'That plan does not exist');
  return (await withClassTypes(db, [row], true))[0]!;
}

async function checkClassTypes(tx: Tx, ids: string[]) {
  if (ids.length === 0) return;
  const found = await tx.select({ id: classTypes.id }).from(classTypes).where(inArray(classTypes.id, ids));
  if (found.length !== ids.length) {
    throw new DomainError('VALIDATION_ERROR', 'classTypeIds: one of the class types does not exist', {
      field: 'classTypeIds',
    });
  }
}

async function writeClassTypes(tx: Tx, planId: string, ids: string[]) {
  await tx.delete(planClassTypes).where(eq(planClassTypes.planId, planId));
  if (ids.length > 0) await tx.insert(planClassTypes).values(ids.map((classTypeId) => ({ planId, classTypeId })));
}

function decide(input: PlanDefinitionInput, currency: string): PlanDefinition {
  const plan = decidePlanDefinition(input, currency);
  if (plan instanceof DomainError) throw plan;
  return plan;
}

export async function createPlan(db: Database, actor: Actor, input: PlanDefinitionInput, now: Date): Promise<PlanView> {
  return inTransaction(db, async (tx) => {
    const plan = decide(input, (await loadSettings(tx))['studio.currency']);
    await checkClassTypes(tx, plan.classTypeIds);
    const { classTypeIds, ...columns } = plan;
    const [row] = await tx
      .insert(membershipPlans)
      .values({ ...columns, createdAt: now, updatedAt: now })
      .returning();
    await writeClassTypes(tx, row!.id, classTypeIds);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'plan.created',
      targetType: 'plan',
      targetId: row!.id,
      after: plan,
    });
    return getPlan(tx, row!.id);
  });
}

/** Edits a plan. Its type never changes (memberships rely on it); changes apply to future grants only. */
export async function updatePlan(
  db: Database,
  actor: Actor,
  planId: string,
  patch: Partial<PlanDefinitionInput>,
  now: Date,
): Promise<PlanView> {
  return inTransaction(db, async (tx) => {
    const [row] = await tx.select().from(membershipPlans).where(eq(membershipPlans.id, planId)).for('update');
    if (!row) throw new DomainError('PLAN_NOT_FOUND', 'That plan does not exist');
    const before = await getPlan(tx, planId);
    if (patch.type !== undefined && patch.type !== row.type) {
      throw new DomainError('VALIDATION_ERROR', "type: a plan's type cannot change. Create a new plan instead.", {
        field: 'type',
      });
    }
    const merged: PlanDefinitionInput = {
      ...before,
      classTypeIds: before.classTypes.map((c) => c.id),
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      type: before.type,
    };
    const plan = decide(merged, before.currency);
    await checkClassTypes(tx, plan.classTypeIds);
    const { classTypeIds, ...columns } = plan;
    await tx
      .update(membershipPlans)
      .set({ ...columns, updatedAt: now })
      .where(eq(membershipPlans.id, planId));
    await writeClassTypes(tx, planId, classTypeIds);
    const after = await getPlan(tx, planId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: before.active && !after.active ? 'plan.deactivated' : 'plan.updated',
      targetType: 'plan',
      targetId: row.id,
      before,
      after,
    });
    return after;
  });
}
