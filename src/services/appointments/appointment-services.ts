import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor, Tx } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { isUniqueViolation } from '../../db/errors';
import { appointmentServiceCoaches, appointmentServices, users } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { DomainError } from '../../domain/shared/domain-error';
import { recordAudit } from '../audit/record-audit';

type ServiceRow = typeof appointmentServices.$inferSelect;
export interface ServiceView extends Omit<ServiceRow, 'createdAt' | 'updatedAt'> {
  coaches: Array<{ id: string; name: string }>;
}

export interface ServiceInput {
  name: string;
  description?: string;
  color?: string;
  durationMins: number;
  bufferBeforeMins?: number;
  bufferAfterMins?: number;
  startIntervalMins?: 15 | 30 | 60;
  minNoticeHours?: number;
  bookingHorizonDays?: number;
  lateCancelHoursBefore?: number;
  creditCost?: number;
  selfBookable?: boolean;
  coachIds?: string[];
  active?: boolean;
}

async function withCoaches(db: Executor, rows: ServiceRow[]): Promise<ServiceView[]> {
  if (rows.length === 0) return [];
  const links = await db
    .select({ serviceId: appointmentServiceCoaches.serviceId, id: users.id, name: users.name })
    .from(appointmentServiceCoaches)
    .innerJoin(users, eq(users.id, appointmentServiceCoaches.coachId))
    .where(
      inArray(
        appointmentServiceCoaches.serviceId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(users.name));
  return rows.map(({ createdAt: _c, updatedAt: _u, ...r }) => ({
    ...r,
    coaches: links.filter((l) => l.serviceId === r.id).map(({ id, name }) => ({ id, name })),
  }));
}

/** Active services for everyone; archived ones too for admins who ask. */
export async function listServices(db: Executor, actor: Actor, includeInactive: boolean): Promise<ServiceView[]> {
  const all = includeInactive && actor.role === 'ADMIN';
  const rows = await db
    .select()
    .from(appointmentServices)
    .where(all ? undefined : eq(appointmentServices.active, true))
    .orderBy(asc(appointmentServices.name));
  return withCoaches(db, rows);
}

export async function getService(db: Executor, id: string): Promise<ServiceView> {
  const [row] = await db.select().from(appointmentServices).where(eq(appointmentServices.id, id));
  if (!row) throw new DomainError('SERVICE_NOT_FOUND', 'That service does not exist', { field: 'serviceId' });
  return (await withCoaches(db, [row]))[0]!;
}

async function writeCoaches(tx: Tx, serviceId: string, coachIds: readonly string[]) {
  const ids = [...new Set(coachIds)];
  if (ids.length > 0) {
    const staff = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, ids), inArray(users.role, ['COACH', 'ADMIN']), eq(users.banned, false)));
    if (staff.length !== ids.length)
      throw new DomainError('INVALID_COACH', 'coachIds: choose active coaches or admins', { field: 'coachIds' });
  }
  await tx.delete(appointmentServiceCoaches).where(eq(appointmentServiceCoaches.serviceId, serviceId));
  if (ids.length > 0) await tx.insert(appointmentServiceCoaches).values(ids.map((coachId) => ({ serviceId, coachId })));
}

const nameTaken = (error: unknown) =>
  isUniqueViolation(error, 'appointment_services_name_uq')
    ? new DomainError('SERVICE_EXISTS', 'name: a service with this name already exists', { field: 'name' })
    : error;

export async function createService(db: Database, actor: Actor, input: ServiceInput, now: Date): Promise<ServiceView> {
  const { coachIds = [], ...columns } = input;
  try {
    return await inTransaction(db, async (tx) => {
      const [row] = await tx
        .insert(appointmentServices)
        .values({ ...columns, createdAt: now, updatedAt: now })
        .returning();
      await writeCoaches(tx, row!.id, coachIds);
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'appointment-service.created',
        targetType: 'appointment_service',
        targetId: row!.id,
        after: input,
      });
      return getService(tx, row!.id);
    });
  } catch (error) {
    throw nameTaken(error);
  }
}

export async function updateService(
  db: Database,
  actor: Actor,
  id: string,
  patch: Partial<ServiceInput>,
  now: Date,
): Promise<ServiceView> {
  const { coachIds, ...columns } = patch;
  try {
    return await inTransaction(db, async (tx) => {
      const before = await getService(tx, id);
      await tx
        .update(appointmentServices)
        .set({ ...columns, updatedAt: now })
        .where(eq(appointmentServices.id, id));
      if (coachIds) await writeCoaches(tx, id, coachIds);
      const after = await getService(tx, id);
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'appointment-service.updated',
        targetType: 'appointment_service',
        targetId: id,
        before,
        after,
      });
      return after;
    });
  } catch (error) {
    throw nameTaken(error);
  }
}

/** The service ids a coach offers (for the availability view). */
export async function servicesOfCoach(db: Executor, coachId: string) {
  return db
    .select({ id: appointmentServices.id, name: appointmentServices.name, color: appointmentServices.color })
    .from(appointmentServiceCoaches)
    .innerJoin(appointmentServices, eq(appointmentServices.id, appointmentServiceCoaches.serviceId))
    .where(and(eq(appointmentServiceCoaches.coachId, coachId), sql`${appointmentServices.active}`))
    .orderBy(asc(appointmentServices.name));
}
