import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { preparedStatement } from '../../db/execute-prepared';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../domain/access/roles';
import type { SessionFilters } from './session-views';
import { tagOf, WEEK_ROWS, WEEK_VERSION, weekValues } from './week-view-tag';

/*
 * The Classes week view (`GET /api/sessions`) as ONE statement that answers the response body —
 * the same JSON as `sessionList` encoding `listSessions` (session-views.ts), built by the database —
 * and its ETag version (week-view-tag.ts). Raw SQL on a measured hot path (ADR 0024): bench:schedule,
 * PostgreSQL, 32 clients, CPU per full answer (server + PostgreSQL) 1.72–1.96 + 1.10 ms with the
 * builder's query, `toView`, zod and a separate tag query → 0.48–0.53 + 0.73 ms; PGlite 8.4 → 4.5 ms.
 * To change the response: change `sessionView` (contracts), `toView` and this statement together and
 * bump SHAPE_VERSION; tests/sessions/week-view-json.api.test.ts holds the two equal.
 */

/** An instant as `Date.prototype.toISOString` writes it (UTC, milliseconds truncated like a JS Date). */
const iso = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const now = sql`${sql.placeholder('now')}::timestamptz`;

/*
 * `cancelWouldBeLate`: decideCancellation (domain/sessions/decide-cancellation.ts) by the client,
 * now, answering LATE_CANCELLED: a booked place (not a waitlist place, not attended), before the
 * start, at or after the late-cancel cutoff, unless the client was promoted into the place at or
 * after that cutoff. The integration test checks this against the domain rule at several moments.
 */
const cancelWouldBeLate = sql`(mine.status = 'REGISTERED' AND ${now} < s.start_time
  AND ${now} >= s.late_cancels_after
  AND (mine.promoted_at IS NULL OR mine.promoted_at < s.late_cancels_after))`;

const weekJson = preparedStatement(
  () => sql`
  SELECT coalesce(json_agg(json_build_object(
    'id', s.id,
    'title', s.title,
    'classType', json_build_object('id', ct.id, 'name', ct.name, 'color', ct.color),
    'coach', json_build_object('id', coach.id, 'name', coach.name),
    'startTime', ${iso('s.start_time')},
    'endTime', ${iso('s.end_time')},
    'location', s.location,
    'notes', s.notes,
    'capacity', s.capacity,
    'attendingCount', s.registered_count,
    'waitingCount', s.waitlist_count,
    'isFull', s.registered_count >= s.capacity,
    'registrationsOpenAt', ${iso('s.registrations_open_at')},
    'registrationsCloseAt', ${iso('s.registrations_close_at')},
    'lateCancelsAfter', ${iso('s.late_cancels_after')},
    'creditCost', s.credit_cost,
    'status', s.status,
    'scheduleId', s.schedule_id,
    'myRegistration', CASE WHEN mine.id IS NULL THEN NULL ELSE json_build_object(
      'id', mine.id,
      'status', mine.status,
      'waitlistPosition', mine.waitlist_position,
      'promotedAt', ${iso('mine.promoted_at')},
      'cancelWouldBeLate', ${cancelWouldBeLate}
    ) END
  ) ORDER BY s.start_time, s.id), '[]')::text AS body,
  ${WEEK_VERSION} AS version
  ${WEEK_ROWS}`,
);

/**
 * The week view's response body as JSON text — sessions starting in [from, to) in start order, each
 * with the viewer's own live booking or waitlist place — and its ETag, both from one statement (one
 * snapshot): the route sends the text as it is.
 */
export async function weekView(
  db: Executor,
  viewer: Actor,
  filters: SessionFilters,
  now: Date,
): Promise<{ body: string; tag: string }> {
  const result = await weekJson(db, weekValues(viewer, filters, now));
  const [row] = rowsOf<{ body: string; version: string }>(result);
  return { body: row?.body ?? '[]', tag: tagOf(viewer, filters, row?.version ?? '') };
}
