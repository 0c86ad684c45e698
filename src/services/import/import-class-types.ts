import { sql } from 'drizzle-orm';
import { classTypes } from '../../db/schema';
import type { ClassTypeSpec } from '../../domain/import/derive-class-types';
import { count, inImportBatch, insertRefs, loadRefs, wouldCreate, type ImportContext } from './import-context';

export interface ImportedClassType {
  id: string;
  creditCost: number;
  durationMins: number;
  defaultCapacity: number;
}

/**
 * Class types derived from the events, matched by ref, then by name (a studio that already
 * made "HIIT" keeps its own). Created once: a re-run never overwrites what the studio has since
 * changed in Roster. Returns class key → the class type's id and what sessions copy from it.
 */
export async function importClassTypes(
  ctx: ImportContext,
  specs: readonly ClassTypeSpec[],
): Promise<Map<string, ImportedClassType>> {
  const result = new Map<string, ImportedClassType>();
  const refs = await loadRefs(
    ctx.db,
    'CLASS_TYPE',
    specs.map((s) => s.key),
  );
  await inImportBatch(ctx.db, async (tx) => {
    for (const spec of specs) {
      const id = refs.get(spec.key);
      const [current] = await tx
        .select()
        .from(classTypes)
        .where(id ? sql`${classTypes.id} = ${id}` : sql`lower(${classTypes.name}) = ${spec.name.toLowerCase()}`);
      if (current) {
        count(ctx, 'classTypes', 'unchanged');
        result.set(spec.key, {
          id: current.id,
          creditCost: current.creditCost,
          durationMins: current.defaultDurationMins,
          defaultCapacity: current.defaultCapacity,
        });
        if (!id && !ctx.dryRun)
          await insertRefs(tx, 'CLASS_TYPE', [{ externalId: spec.key, entityId: current.id }], ctx.now);
        continue;
      }
      count(ctx, 'classTypes', 'created');
      if (ctx.dryRun) {
        result.set(spec.key, {
          id: wouldCreate('CLASS_TYPE', spec.key),
          creditCost: 1,
          durationMins: spec.defaultDurationMins,
          defaultCapacity: spec.defaultCapacity,
        });
        continue;
      }
      const { key: _key, events: _events, ...values } = spec;
      const [row] = await tx
        .insert(classTypes)
        .values({ ...values, createdAt: ctx.now, updatedAt: ctx.now })
        .returning();
      await insertRefs(tx, 'CLASS_TYPE', [{ externalId: spec.key, entityId: row!.id }], ctx.now);
      result.set(spec.key, {
        id: row!.id,
        creditCost: row!.creditCost,
        durationMins: row!.defaultDurationMins,
        defaultCapacity: row!.defaultCapacity,
      });
    }
  });
  ctx.done += specs.length;
  await ctx.progress('Class types');
  return result;
}
