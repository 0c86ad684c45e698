import { randomUUID } from 'node:crypto';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { classSessions, sessionAttendanceFigures } from '../../db/schema';
import { whereInFile } from '../../domain/import/import-report';
import { chunks, count, inImportBatch, insertRefs, loadRefs, problem, type ImportContext } from './import-context';
import { slotKey, type WantedSession } from './session-rows';

const BATCH = 250;
type SessionRow = typeof classSessions.$inferSelect;
type Figures = { attendedCount: number; waitlistCount: number };

const CHANGED_FIELDS = ['title', 'startTime', 'endTime', 'capacity', 'location', 'coachId', 'classTypeId'] as const;

function same(a: unknown, b: unknown) {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
}

/**
 * Events → sessions in batches (each its own transaction, see inImportBatch). A session is
 * matched by its TeamUp id, the first time by its slot (a class the studio already created in
 * Roster is adopted, not doubled). A re-run updates what changed in TeamUp — times, capacity,
 * coach, a cancellation — and leaves the rest alone. Ended classes are history: COMPLETED, with
 * TeamUp's attendance counts kept as figures. Returns TeamUp event id → session id.
 */
export async function importSessions(
  ctx: ImportContext,
  wanted: readonly WantedSession[],
  fileName: string,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const batch of chunks(wanted, BATCH)) {
    const write = async (tx: Tx | null) => {
      const ex = tx ?? ctx.db;
      const refs = await loadRefs(
        ex,
        'SESSION',
        batch.map((w) => w.event.externalId),
      );
      const linkedIds = [...refs.values()];
      const linked = linkedIds.length
        ? await ex.select().from(classSessions).where(inArray(classSessions.id, linkedIds))
        : [];
      const byId = new Map(linked.map((s) => [s.id, s]));
      const figureRows = linkedIds.length
        ? await ex.select().from(sessionAttendanceFigures).where(inArray(sessionAttendanceFigures.sessionId, linkedIds))
        : [];
      const figures = new Map(figureRows.map((f) => [f.sessionId, f]));
      const inSlots = await ex
        .select({
          id: classSessions.id,
          classTypeId: classSessions.classTypeId,
          coachId: classSessions.coachId,
          startTime: classSessions.startTime,
        })
        .from(classSessions)
        .where(
          and(
            inArray(
              classSessions.startTime,
              batch.map((w) => w.startTime),
            ),
            ne(classSessions.status, 'CANCELLED'),
          ),
        );
      const slotTaken = new Map(inSlots.map((s) => [slotKey(s.classTypeId, s.coachId, s.startTime), s.id]));
      const inserts: Array<typeof classSessions.$inferInsert> = [];
      const newRefs: Array<{ externalId: string; entityId: string }> = [];
      const figureWrites: Array<Figures & { sessionId: string }> = [];
      for (const w of batch) {
        const kind = w.status === 'COMPLETED' ? 'history' : 'sessions';
        const where = whereInFile('events', fileName, w.event.row, w.event.externalId);
        const key = slotKey(w.classTypeId, w.coachId, w.startTime);
        const refId = refs.get(w.event.externalId);
        const existing = byId.get(refId ?? slotTaken.get(key) ?? '');
        const wantedFigures =
          w.status === 'COMPLETED' ? { attendedCount: w.event.attending, waitlistCount: w.event.waiting } : null;
        if (!existing) {
          const id = randomUUID();
          count(ctx, kind, 'created');
          ids.set(w.event.externalId, id);
          const { event: _event, ...row } = w;
          inserts.push({
            ...row,
            id,
            cancelledAt: w.status === 'CANCELLED' ? ctx.now : null,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          });
          newRefs.push({ externalId: w.event.externalId, entityId: id });
          if (wantedFigures) figureWrites.push({ sessionId: id, ...wantedFigures });
          slotTaken.set(key, id);
          continue;
        }
        ids.set(w.event.externalId, existing.id);
        if (!refId) newRefs.push({ externalId: w.event.externalId, entityId: existing.id });
        const change = decideChange(existing, w, slotTaken, key, ctx.now);
        if (typeof change === 'string')
          problem(ctx, {
            file: 'events',
            fileName,
            row: w.event.row,
            severity: 'warning',
            message: `${where}: ${change}`,
          });
        const update = typeof change === 'string' ? null : change;
        const figure = figures.get(existing.id);
        const figuresChanged =
          wantedFigures &&
          (!figure ||
            figure.attendedCount !== wantedFigures.attendedCount ||
            figure.waitlistCount !== wantedFigures.waitlistCount);
        count(ctx, kind, update || figuresChanged || !refId ? 'updated' : 'unchanged');
        if (wantedFigures && figuresChanged) figureWrites.push({ sessionId: existing.id, ...wantedFigures });
        if (update && tx)
          await tx
            .update(classSessions)
            .set({ ...update, updatedAt: ctx.now })
            .where(eq(classSessions.id, existing.id));
      }
      if (!tx) return;
      // The slot index (class type, coach, start) also guards a session created by hand meanwhile.
      if (inserts.length) await tx.insert(classSessions).values(inserts);
      await insertRefs(tx, 'SESSION', newRefs, ctx.now);
      if (figureWrites.length)
        await tx
          .insert(sessionAttendanceFigures)
          .values(figureWrites.map((f) => ({ ...f, source: 'teamup' })))
          .onConflictDoUpdate({
            target: sessionAttendanceFigures.sessionId,
            set: { attendedCount: sqlExcluded('attended_count'), waitlistCount: sqlExcluded('waitlist_count') },
          });
    };
    if (ctx.dryRun) await write(null);
    else await inImportBatch(ctx.db, write);
    ctx.done += batch.length;
    await ctx.progress('Classes');
  }
  return ids;
}

const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);

/**
 * What to change on a session already in Roster, or why a change TeamUp made is not applied
 * (it would clash with another class, or cancel one people have booked in Roster).
 */
function decideChange(
  existing: SessionRow,
  w: WantedSession,
  slotTaken: Map<string, string>,
  key: string,
  now: Date,
): Partial<SessionRow> | null | string {
  const update: Partial<SessionRow> = {};
  for (const field of CHANGED_FIELDS)
    if (!same(existing[field], w[field])) Object.assign(update, { [field]: w[field] });
  if (update.capacity !== undefined && update.capacity < existing.registeredCount) delete update.capacity;
  const occupant = slotTaken.get(key);
  if ((update.startTime || update.coachId || update.classTypeId) && occupant && occupant !== existing.id)
    return 'its new time clashes with another class of the same coach in Roster; left at its old time.';
  if (existing.status === 'SCHEDULED' && w.status === 'CANCELLED') {
    if (existing.registeredCount + existing.waitlistCount > 0)
      return 'cancelled in TeamUp, but people have booked it in Roster: cancel it from the schedule so they are told.';
    Object.assign(update, { status: 'CANCELLED', cancelledAt: now });
  } else if (existing.status === 'SCHEDULED' && w.status === 'COMPLETED')
    Object.assign(update, { status: 'COMPLETED' });
  if (!same(existing.registrationsOpenAt, w.registrationsOpenAt)) update.registrationsOpenAt = w.registrationsOpenAt;
  if (!same(existing.registrationsCloseAt, w.registrationsCloseAt))
    update.registrationsCloseAt = w.registrationsCloseAt;
  if (!same(existing.lateCancelsAfter, w.lateCancelsAfter)) update.lateCancelsAfter = w.lateCancelsAfter;
  if (update.startTime) slotTaken.set(key, existing.id);
  return Object.keys(update).length ? update : null;
}
