import { and, eq, inArray, isNull, or, ne } from 'drizzle-orm';
import { classSessions, sessionSchedules } from '../../db/schema';
import type { RecognisedPattern } from '../../domain/import/recognise-weekly-patterns';
import { count, inImportBatch, insertRefs, loadRefs, type ImportContext } from './import-context';

export interface PatternToSchedule {
  pattern: RecognisedPattern;
  classTypeId: string;
  coachId: string;
  capacity: number;
  location: string;
  sessionIds: string[];
}

/**
 * Recognised weekly patterns → schedules (the same `session_schedules` rows a coach's weekly
 * schedule makes), with the pattern's imported sessions attached to them, so the studio edits
 * or cancels "HIIT Mon–Fri 06:30" as one series. The sessions themselves are the events the
 * export has (a holiday gap stays a gap); a re-run with a longer export moves the end date.
 */
export async function importSchedules(ctx: ImportContext, items: readonly PatternToSchedule[]): Promise<void> {
  const refs = await loadRefs(
    ctx.db,
    'SCHEDULE',
    items.map((i) => i.pattern.key),
  );
  await inImportBatch(ctx.db, async (tx) => {
    for (const item of items) {
      const { pattern } = item;
      let id = refs.get(pattern.key);
      const [current] = id ? await tx.select().from(sessionSchedules).where(eq(sessionSchedules.id, id)) : [];
      const unlinked = current
        ? await tx
            .select({ id: classSessions.id })
            .from(classSessions)
            .where(
              and(
                inArray(classSessions.id, item.sessionIds),
                or(isNull(classSessions.scheduleId), ne(classSessions.scheduleId, current.id)),
              ),
            )
        : item.sessionIds.map((s) => ({ id: s }));
      const datesMoved = current && (current.fromDate !== pattern.fromDate || current.toDate !== pattern.toDate);
      count(ctx, 'schedules', !current ? 'created' : datesMoved || unlinked.length ? 'updated' : 'unchanged');
      if (ctx.dryRun) continue;
      if (!current) {
        const [row] = await tx
          .insert(sessionSchedules)
          .values({
            classTypeId: item.classTypeId,
            coachId: item.coachId,
            daysOfWeek: pattern.daysOfWeek,
            localTime: pattern.localTime,
            fromDate: pattern.fromDate,
            toDate: pattern.toDate,
            timezone: pattern.timeZone,
            capacity: item.capacity,
            location: item.location,
            createdBy: ctx.actorId,
            createdAt: ctx.now,
          })
          .returning({ id: sessionSchedules.id });
        id = row!.id;
        await insertRefs(tx, 'SCHEDULE', [{ externalId: pattern.key, entityId: id }], ctx.now);
      } else if (datesMoved)
        await tx
          .update(sessionSchedules)
          .set({ fromDate: pattern.fromDate, toDate: pattern.toDate })
          .where(eq(sessionSchedules.id, id!));
      if (unlinked.length)
        await tx
          .update(classSessions)
          .set({ scheduleId: id! })
          .where(
            inArray(
              classSessions.id,
              unlinked.map((u) => u.id),
            ),
          );
    }
  });
  ctx.done += items.length;
  await ctx.progress('Weekly schedules');
}
