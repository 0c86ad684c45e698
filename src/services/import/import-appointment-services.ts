import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { appointmentServices } from '../../db/schema';
import type { ImportedServiceName } from '../../domain/import/appointment-service-for-plan';
import { count, type ImportContext } from './import-context';

/** A new service's length until the admin sets it: the usual PT or massage session. */
const FIRST_LENGTH_MINS = 60;

/**
 * The 1-on-1 service a PT or massage plan pays for, found by name (case-insensitive, as the
 * unique index compares) or created: 60 minutes, no coaches, self-bookable, active, the table's
 * defaults otherwise. Data only, so it works with the appointments feature off (the flag hides
 * it). In a dry run nothing is written and the id is a placeholder. `known` remembers what this
 * run already found or created, so each service is counted once. It runs in the plans' batch
 * transaction under the import's advisory lock, so two imports cannot both create it; a service
 * an admin creates by hand at that very moment makes the unique index refuse, and the batch
 * rolls back whole (run it again).
 */
export async function serviceForPlans(
  ctx: ImportContext,
  tx: Tx,
  name: ImportedServiceName,
  known: Map<ImportedServiceName, string>,
): Promise<{ id: string; created: boolean }> {
  const seen = known.get(name);
  if (seen) return { id: seen, created: false };
  const [existing] = await tx
    .select({ id: appointmentServices.id })
    .from(appointmentServices)
    .where(eq(sql`lower(${appointmentServices.name})`, name.toLowerCase()));
  let id = existing?.id;
  if (id) count(ctx, 'services', 'unchanged');
  else {
    count(ctx, 'services', 'created');
    if (ctx.dryRun) id = `new:SERVICE:${name}`;
    else {
      const [row] = await tx
        .insert(appointmentServices)
        .values({
          name,
          durationMins: FIRST_LENGTH_MINS,
          selfBookable: true,
          active: true,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning({ id: appointmentServices.id });
      id = row!.id;
    }
  }
  known.set(name, id);
  return { id, created: !existing };
}
