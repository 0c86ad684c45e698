import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../domain/access/roles';
import type { RegistrationStatus, SessionStatus } from '../../domain/sessions/types';
import type { LookupRider } from '../auth/look-up-request-session';
import { liveRegistrationView, type SessionFilters } from './session-views';
import { myWeek, WEEK_VERSION, weekSnapshotStatement, weekValues } from './week-view-sql';

/*
 * The Classes week view (`GET /api/sessions`), what every client opens at once when a popular
 * class's booking opens (ADR 0028). Per request it costs the caller's session lookup and nothing
 * more: the week's version and the viewer's own places ride in that one statement (`weekViewRider`).
 * The tag is those two; an unchanged week is a 304. A full answer is the week as everyone sees it,
 * kept per app instance while its version holds, with the viewer's own places laid over it. Each
 * instance checks its copy against the database's version on every request, so a write on
 * another instance is seen on the very next one; a copy whose version moved is read again.
 * Measured: bench:schedule (figures in ADR 0028).
 */

/** Bump when the list's response shape changes, so no browser keeps a body of the old shape. */
const SHAPE_VERSION = 'v2';

/** The viewer's own places as the database wrote them (JSON text) and read. */
interface MyWeek {
  bySession: Map<
    string,
    { id: string; status: RegistrationStatus; waitlistPosition: number | null; promotedAt: Date | null }
  >;
}

/** What the lookup read for the week: its version and the viewer's places, for these filters. */
export interface WeekProbe {
  version: string;
  mine: string;
  /** The clock the probe's flags (past the cutoff, started) were read at: the body answers at it too. */
  readAt: Date;
}

interface SharedSession {
  /** The session's JSON without its closing brace: `myRegistration` is appended per viewer. */
  head: string;
  id: string;
  status: SessionStatus;
  startTime: Date;
  lateCancelsAfter: Date;
}

interface WeekSnapshot {
  version: string;
  sessions: SharedSession[];
}

/** The week's version and the viewer's places, read in the caller's session lookup. */
export const weekViewRider: LookupRider = {
  key: 'week-view',
  columns: sql`${WEEK_VERSION} AS week_version, ${myWeek(sql`u.id`)} AS week_mine`,
};

/** The probe the lookup read, if it was read for exactly these filters. */
export function weekProbeOf(
  rode: { values: Record<string, unknown>; row: Record<string, unknown> | undefined } | null,
  filters: SessionFilters,
): WeekProbe | undefined {
  if (!rode?.row || typeof rode.row.week_version !== 'string' || typeof rode.row.week_mine !== 'string')
    return undefined;
  const asked = weekValues(filters, new Date(0));
  for (const key of ['weekFrom', 'weekTo', 'weekClassTypeId', 'weekCoachId'] as const)
    if (rode.values[key] !== asked[key]) return undefined;
  return { version: rode.row.week_version, mine: rode.row.week_mine, readAt: new Date(String(rode.values.weekNow)) };
}

/** The clock the session lookup read the week at, so the route resolves the same range (default `from` is now). */
export function riddenAt(rode: { values: Record<string, unknown> } | null): Date | undefined {
  return typeof rode?.values.weekNow === 'string' ? new Date(rode.values.weekNow) : undefined;
}

/** The week view's ETag: this viewer, these filters, the week's version and the viewer's places. */
export function weekTag(viewer: Actor, filters: SessionFilters, probe: Pick<WeekProbe, 'version' | 'mine'>): string {
  const hash = createHash('sha1')
    .update([SHAPE_VERSION, viewer.id, viewer.role, filters.from.toISOString(), filters.to.toISOString()].join('|'))
    .update(`|${filters.classTypeId ?? ''}|${filters.coachId ?? ''}|${probe.version}|${probe.mine}`)
    .digest('base64url');
  return `"${hash}"`;
}

/**
 * Copies of weeks as everyone sees them, per app instance, each valid while its version holds.
 * Bounded by the characters of JSON kept, not the number of weeks: any signed-in caller can ask
 * for ranges of up to 62 days with notes of 2,000 characters, so a count alone bounds nothing.
 * The least recently used copy goes first.
 */
export class WeekSnapshots {
  private readonly byFilters = new Map<string, WeekSnapshot & { chars: number }>();
  private chars = 0;
  /** 4 million characters: ≈ 8 MB of strings, some hundreds of typical weeks. */
  constructor(private readonly maxChars = 4_000_000) {}

  get(key: string): WeekSnapshot | undefined {
    const kept = this.byFilters.get(key);
    if (kept) {
      // Most recently used last: a map keeps insertion order.
      this.byFilters.delete(key);
      this.byFilters.set(key, kept);
    }
    return kept;
  }

  set(key: string, snapshot: WeekSnapshot) {
    this.remove(key);
    const chars = snapshot.sessions.reduce((sum, s) => sum + s.head.length + s.id.length, 0);
    if (chars > this.maxChars) return;
    while (this.chars + chars > this.maxChars) this.remove(this.byFilters.keys().next().value!);
    this.byFilters.set(key, { ...snapshot, chars });
    this.chars += chars;
  }

  private remove(key: string) {
    const kept = this.byFilters.get(key);
    if (!kept) return;
    this.byFilters.delete(key);
    this.chars -= kept.chars;
  }
}

const keyOf = (f: SessionFilters) =>
  `${f.from.toISOString()}|${f.to.toISOString()}|${f.classTypeId ?? ''}|${f.coachId ?? ''}`;

/**
 * The week's response body (the JSON of `sessionList`) and its tag. With a probe whose version the
 * kept copy still has, no query runs; otherwise one statement reads the week, its version and the
 * viewer's places in one snapshot, and the copy is replaced.
 */
export async function weekView(
  db: Executor,
  snapshots: WeekSnapshots,
  viewer: Actor,
  filters: SessionFilters,
  now: Date,
  probe: WeekProbe | undefined,
): Promise<{ body: string; tag: string }> {
  const key = keyOf(filters);
  const kept = snapshots.get(key);
  if (probe && kept?.version === probe.version)
    return { body: bodyOf(kept, myWeekOf(probe.mine), probe.readAt), tag: weekTag(viewer, filters, probe) };
  const result = await weekSnapshotStatement(db, { ...weekValues(filters, now), weekViewerId: viewer.id });
  const [row] = rowsOf<{ sessions: string; version: string | null; mine: string }>(result);
  const read = { version: row?.version ?? '', mine: row?.mine ?? '[]' };
  const snapshot = { version: read.version, sessions: sharedSessionsOf(row?.sessions ?? '[]') };
  snapshots.set(key, snapshot);
  return { body: bodyOf(snapshot, myWeekOf(read.mine), now), tag: weekTag(viewer, filters, read) };
}

function sharedSessionsOf(text: string): SharedSession[] {
  const sessions = JSON.parse(text) as Array<{
    id: string;
    status: SessionStatus;
    startTime: string;
    lateCancelsAfter: string;
  }>;
  return sessions.map((s) => ({
    head: JSON.stringify(s).slice(0, -1),
    id: s.id,
    status: s.status,
    startTime: new Date(s.startTime),
    lateCancelsAfter: new Date(s.lateCancelsAfter),
  }));
}

type MyWeekRow = [string, string, RegistrationStatus, number | null, string | null, string, boolean, boolean];

function myWeekOf(text: string): MyWeek {
  const bySession: MyWeek['bySession'] = new Map();
  for (const [id, sessionId, status, waitlistPosition, promotedAt] of JSON.parse(text) as MyWeekRow[])
    bySession.set(sessionId, { id, status, waitlistPosition, promotedAt: promotedAt ? new Date(promotedAt) : null });
  return { bySession };
}

/** The shared sessions with the viewer's own place (or null) as each one's last field. */
function bodyOf(snapshot: WeekSnapshot, mine: MyWeek, now: Date): string {
  const parts = snapshot.sessions.map((s) => {
    const place = mine.bySession.get(s.id);
    const view = place ? JSON.stringify(liveRegistrationView(place, s, now)) : 'null';
    return `${s.head},"myRegistration":${view}}`;
  });
  return `[${parts.join(',')}]`;
}
