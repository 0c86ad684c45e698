import { eq, sql } from 'drizzle-orm';
import { locations, systemSettings } from '../../db/schema';
import type { TeamupVenue } from '../../domain/import/map-teamup-event';
import { count, inImportBatch, insertRefs, loadRefs, type ImportContext } from './import-context';

/**
 * TeamUp venues → locations (matched by ref, then by name). The studio's time zone is taken
 * from the first venue when the studio has not set one yet. Returns venue id → location name,
 * which sessions carry in their `location` text.
 */
export async function importLocations(
  ctx: ImportContext,
  venues: readonly TeamupVenue[],
): Promise<Map<string, string>> {
  const names = new Map(venues.map((v) => [v.externalId, v.name]));
  const refs = await loadRefs(
    ctx.db,
    'LOCATION',
    venues.map((v) => v.externalId),
  );
  await inImportBatch(ctx.db, async (tx) => {
    for (const venue of venues) {
      const id = refs.get(venue.externalId);
      const wanted = { name: venue.name, address: venue.address, timezone: venue.timezone };
      const [current] = id
        ? await tx.select().from(locations).where(eq(locations.id, id))
        : await tx
            .select()
            .from(locations)
            .where(sql`lower(${locations.name}) = ${venue.name.toLowerCase()}`);
      if (
        current &&
        current.name === wanted.name &&
        current.address === wanted.address &&
        current.timezone === wanted.timezone
      ) {
        count(ctx, 'locations', 'unchanged');
        if (!id && !ctx.dryRun)
          await insertRefs(tx, 'LOCATION', [{ externalId: venue.externalId, entityId: current.id }], ctx.now);
        continue;
      }
      count(ctx, 'locations', current ? 'updated' : 'created');
      if (ctx.dryRun) continue;
      if (current) {
        await tx
          .update(locations)
          .set({ ...wanted, updatedAt: ctx.now })
          .where(eq(locations.id, current.id));
        if (!id) await insertRefs(tx, 'LOCATION', [{ externalId: venue.externalId, entityId: current.id }], ctx.now);
      } else {
        const [row] = await tx
          .insert(locations)
          .values({ ...wanted, createdAt: ctx.now, updatedAt: ctx.now })
          .returning();
        await insertRefs(tx, 'LOCATION', [{ externalId: venue.externalId, entityId: row!.id }], ctx.now);
      }
    }
    const first = venues[0];
    if (first && !ctx.dryRun) {
      // Only when unset: an admin's choice of time zone is never overwritten by an import.
      await tx
        .insert(systemSettings)
        .values({ key: 'studio.timezone', value: first.timezone, updatedBy: ctx.actorId, updatedAt: ctx.now })
        .onConflictDoNothing();
    }
  });
  ctx.done += venues.length;
  await ctx.progress('Locations');
  return names;
}
