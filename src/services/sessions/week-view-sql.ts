import { sql, type SQL } from 'drizzle-orm';
import { preparedStatement } from '../../db/execute-prepared';
import { ENDED_REGISTRATION_STATUSES } from '../../domain/sessions/types';
import type { SessionFilters } from './session-views';

/*
 * The SQL of the Classes week view (ADR 0028; raw SQL on a measured hot path, ADR 0010). Its
 * placeholders are named `week…` because the version and the viewer's own places also ride in the
 * caller's session lookup (look-up-request-session.ts), whose statement has its own `now`.
 */
const placeholder = (name: 'weekFrom' | 'weekTo' | 'weekClassTypeId' | 'weekCoachId' | 'weekNow' | 'weekViewerId') =>
  sql.placeholder(name);
const now = sql`${placeholder('weekNow')}::timestamptz`;

/** The week's sessions (alias `alias`): starting in [from, to), with the optional filters. */
const inWeek = (alias: string) => {
  const s = sql.raw(alias);
  return sql`${s}.start_time >= ${placeholder('weekFrom')}::timestamptz AND ${s}.start_time < ${placeholder('weekTo')}::timestamptz
    AND (${placeholder('weekClassTypeId')}::uuid IS NULL OR ${s}.class_type_id = ${placeholder('weekClassTypeId')}::uuid)
    AND (${placeholder('weekCoachId')}::text IS NULL OR ${s}.coach_id = ${placeholder('weekCoachId')}::text)`;
};

/** An instant as `Date.prototype.toISOString` writes it (UTC, milliseconds truncated like a JS Date). */
const iso = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** Which row versions these are: each row's id with the transaction that wrote it, hashed in id order. */
const rowVersions = (alias: string) =>
  sql.raw(`md5(string_agg(${alias}.id::text || ':' || ${alias}.xmin::text, ',' ORDER BY ${alias}.id))`);

/*
 * The version of everything the week shows to everyone: the session rows (every edit, cancel,
 * booking or cancellation writes its session row), the class types and the coaches (names,
 * colours). A row's xmin is the transaction that wrote its current version, so a write to any of
 * these rows, a session added, removed or moved in or out of the week, changes the list of
 * (id, xmin) pairs and so its hash. Not a sum: transaction ids are taken at a transaction's first
 * write, not at its commit, so sums of xmins could come back to an earlier value.
 */
export const WEEK_VERSION: SQL = sql`(SELECT concat_ws('|', wk.sessions,
      (SELECT ${rowVersions('wct')} FROM class_types wct),
      (SELECT ${rowVersions('wu')} FROM "user" wu WHERE wu.id = ANY(wk.coaches)))
    FROM (SELECT ${rowVersions('ws')} AS sessions, array_agg(DISTINCT ws.coach_id) AS coaches
      FROM sessions ws WHERE ${inWeek('ws')}) wk)`;

/*
 * The viewer's own live places in the week, as JSON text: [id, sessionId, status, waitlistPosition,
 * promotedAt, xmin, past the late-cancel cutoff, started] in id order. The two clock flags are what
 * makes "would cancelling be late?" change as time passes; the text is part of the ETag.
 */
export const myWeek = (viewerId: SQL): SQL => sql`(SELECT coalesce(json_agg(json_build_array(
      r.id, r.session_id, r.status, r.waitlist_position, ${iso('r.promoted_at')}, r.xmin::text,
      wm.late_cancels_after <= ${now}, wm.start_time <= ${now}) ORDER BY r.id), '[]')::text
    FROM session_registrations r JOIN sessions wm ON wm.id = r.session_id
    WHERE r.user_id = ${viewerId}
      AND r.status NOT IN (${sql.raw(ENDED_REGISTRATION_STATUSES.map((status) => `'${status}'`).join(', '))})
      AND ${inWeek('wm')})`;

/**
 * The week as everyone sees it (no one's own place: `myRegistration` is added per viewer), in
 * start order, with its version and the viewer's own places: one statement, one snapshot.
 */
export const weekSnapshotStatement = preparedStatement(
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
    'scheduleId', s.schedule_id
  ) ORDER BY s.start_time, s.id), '[]')::text AS sessions,
  ${WEEK_VERSION} AS version,
  ${myWeek(sql`${placeholder('weekViewerId')}`)} AS mine
  FROM sessions s
  JOIN class_types ct ON ct.id = s.class_type_id
  JOIN "user" coach ON coach.id = s.coach_id
  WHERE ${inWeek('s')}`,
);

/** The values of the week's placeholders. */
export function weekValues(filters: SessionFilters, now: Date): Record<string, unknown> {
  return {
    weekNow: now.toISOString(),
    weekFrom: filters.from.toISOString(),
    weekTo: filters.to.toISOString(),
    weekClassTypeId: filters.classTypeId ?? null,
    weekCoachId: filters.coachId ?? null,
  };
}
