import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { preparedStatement } from '../../db/execute-prepared';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../domain/access/roles';
import { ENDED_REGISTRATION_STATUSES } from '../../domain/sessions/types';
import type { SessionFilters } from './session-views';

/** Bump when the list's response shape changes, so no browser keeps a body of the old shape. */
const SHAPE_VERSION = 'v1';

/*
 * Everything the week view shows, as aggregates, without building it: the sessions (every edit,
 * cancel, booking or cancellation by anyone writes the session row's counters and updated_at;
 * the sums catch two changes in one millisecond), their class types and coaches (names, colours),
 * and the viewer's own live registrations (promotion, waitlist position). `cancelWouldBeLate`
 * depends on the clock: the counts of the viewer's bookings past their late-cancel cutoff and past
 * their start change the tag when that answer can change. Over the rows of WEEK_ROWS.
 */
export const WEEK_VERSION = sql`concat_ws('|',
    count(*), max(s.updated_at), sum(s.registered_count), sum(s.waitlist_count), sum(s.capacity),
    max(ct.updated_at), max(coach.updated_at),
    count(mine.id), max(mine.updated_at), sum(coalesce(mine.waitlist_position, 0)),
    count(mine.id) FILTER (WHERE s.late_cancels_after <= ${sql.placeholder('now')}::timestamptz),
    count(mine.id) FILTER (WHERE s.start_time <= ${sql.placeholder('now')}::timestamptz)
  )`;

/** The week's sessions (s) with their class type (ct), coach and the viewer's live registration (mine). */
export const WEEK_ROWS = sql`
  FROM sessions s
  JOIN class_types ct ON ct.id = s.class_type_id
  JOIN "user" coach ON coach.id = s.coach_id
  LEFT JOIN session_registrations mine ON mine.session_id = s.id AND mine.user_id = ${sql.placeholder('viewerId')}
    AND mine.status NOT IN (${sql.raw(ENDED_REGISTRATION_STATUSES.map((status) => `'${status}'`).join(', '))})
  WHERE s.start_time >= ${sql.placeholder('from')}::timestamptz AND s.start_time < ${sql.placeholder('to')}::timestamptz
    AND (${sql.placeholder('classTypeId')}::uuid IS NULL OR s.class_type_id = ${sql.placeholder('classTypeId')}::uuid)
    AND (${sql.placeholder('coachId')}::text IS NULL OR s.coach_id = ${sql.placeholder('coachId')}::text)`;

/** The values of WEEK_VERSION and WEEK_ROWS's placeholders. */
export function weekValues(viewer: Actor, filters: SessionFilters, now: Date) {
  return {
    now: now.toISOString(),
    viewerId: viewer.id,
    from: filters.from.toISOString(),
    to: filters.to.toISOString(),
    classTypeId: filters.classTypeId ?? null,
    coachId: filters.coachId ?? null,
  };
}

const weekVersion = preparedStatement(() => sql`SELECT ${WEEK_VERSION} AS version ${WEEK_ROWS}`);

/** The tag of a week whose WEEK_VERSION is `version`, for this viewer and these filters. */
export function tagOf(viewer: Actor, filters: SessionFilters, version: string): string {
  const hash = createHash('sha1')
    .update([SHAPE_VERSION, viewer.id, viewer.role, filters.from.toISOString(), filters.to.toISOString()].join('|'))
    .update(`|${filters.classTypeId ?? ''}|${filters.coachId ?? ''}|${version}`)
    .digest('base64url');
  return `"${hash}"`;
}

/**
 * The week view's entity tag for this viewer: one small aggregate query instead of the whole
 * list. The viewer's id and role are in it, so a cache shared by two people never mixes them.
 * For a revalidation (If-None-Match) only: a full answer reads its tag in the same statement as
 * its body (week-view-json.ts), so the two always describe the same snapshot.
 */
export async function weekViewTag(db: Executor, viewer: Actor, filters: SessionFilters, now: Date): Promise<string> {
  const [row] = rowsOf<{ version: string }>(await weekVersion(db, weekValues(viewer, filters, now)));
  return tagOf(viewer, filters, row?.version ?? '');
}
