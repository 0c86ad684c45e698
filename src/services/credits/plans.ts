import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import {
  appointmentServices,
  classTypes,
  memberships,
  membershipPlans,
  planAppointmentServices,
  planClassTypes,
} from '../../db/schema';
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
  /** The 1-on-1 services it pays for (routes leave it out while appointments are off). */
  appointmentServices?: Array<{ id: string; name: string }>;
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
  const serviceLinks = await db
    .select({ planId: planAppointmentServices.planId, id: appointmentServices.id, name: appointmentServices.name })
    .from(planAppointmentServices)
    .innerJoin(appointmentServices, eq(appointmentServices.id, planAppointmentServices.serviceId))
    .where(inArray(planAppointmentServices.planId, ids))
    .orderBy(asc(appointmentServices.name));
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
    appointmentServices: serviceLinks.filter((l) => l.planId === r.id).map(({ id, name }) => ({ id, name })),
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

async function checkServices(tx: Tx, ids: string[]) {
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: appointmentServices.id })
    .from(appointmentServices)
    .where(inArray(appointmentServices.id, ids));
  if (found.length !== ids.length) {
    throw new DomainError('VALIDATION_ERROR', 'appointmentServiceIds: one of the services does not exist', {
      field: 'appointmentServiceIds',
    });
  }
}

async function writeCoverage(tx: Tx, planId: string, plan: PlanDefinition) {
  await checkClassTypes(tx, plan.classTypeIds);
  await checkServices(tx, plan.appointmentServiceIds);
  await tx.delete(planClassTypes).where(eq(planClassTypes.planId, planId));
  if (plan.classTypeIds.length > 0)
    await tx.insert(planClassTypes).values(plan.classTypeIds.map((classTypeId) => ({ planId, classTypeId })));
  await tx.delete(planAppointmentServices).where(eq(planAppointmentServices.planId, planId));
  if (plan.appointmentServiceIds.length > 0)
    await tx
      .insert(planAppointmentServices)
      .values(plan.appointmentServiceIds.map((serviceId) => ({ planId, serviceId })));
}

function decide(input: PlanDefinitionInput, currency: string): PlanDefinition {
  const plan = decidePlanDefinition(input, currency);
  if (plan instanceof DomainError) throw plan;
  return plan;
}

export async function createPlan(db: Database, actor: Actor, input: PlanDefinitionInput, now: Date): Promise<PlanView> {
  return inTransaction(db, async (tx) => {
    const plan = decide(input, (await loadSettings(tx))['studio.currency']);
    const { classTypeIds: _c, appointmentServiceIds: _s, ...columns } = plan;
    const [row] = await tx
      .insert(membershipPlans)
      .values({ ...columns, createdAt: now, updatedAt: now })
      .returning();
    await writeCoverage(tx, row!.id, plan);
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
      appointmentServiceIds: (before.appointmentServices ?? []).map((c) => c.id),
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      type: before.type,
    };
    // A patch that lists class types without saying "all" means those (empty = the old "all" rule).
    if (patch.classTypeIds !== undefined && patch.coversAllClassTypes === undefined) delete merged.coversAllClassTypes;
    const plan = decide(merged, before.currency);
    const { classTypeIds: _c, appointmentServiceIds: _s, ...columns } = plan;
    await tx
      .update(membershipPlans)
      .set({ ...columns, updatedAt: now })
      .where(eq(membershipPlans.id, planId));
    await writeCoverage(tx, planId, plan);
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
