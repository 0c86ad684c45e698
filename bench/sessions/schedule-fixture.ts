import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client';
import { sessionCookies } from './server';

/*
 * Six months of a real studio timetable for the week-view benchmark: the sessions of the TeamUp
 * export in /work/shared/teamup (read at run time, never copied into the repository), its
 * instructors as coaches, 2,000 clients and 50,000 registrations spread over the sessions
 * (places up to capacity, a short waitlist, the rest cancellation history).
 */
interface TeamUpSession {
  name: string;
  starts_at: string;
  ends_at: string;
  max_occupancy: number;
  instructors: Array<{ name: string }>;
  offering_type: { background_color: string };
  active_registration_status: {
    registrations_open_at: string;
    registrations_close_at: string;
    late_cancels_after: string;
  };
  venue: { name: string };
}

export const TEAMUP_FILE =
  process.env.TEAMUP_DATA ?? new URL('../../../shared/teamup/teamupdata.json', import.meta.url).pathname;

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

export async function createScheduleFixture(
  db: Database,
  options: { clients: number; registrations: number; viewers: number },
) {
  if (!existsSync(TEAMUP_FILE))
    throw new Error(`The TeamUp export is needed (set TEAMUP_DATA): ${TEAMUP_FILE} not found`);
  const data = (JSON.parse(readFileSync(TEAMUP_FILE, 'utf8')) as { results: TeamUpSession[] }).results;

  const coachNames = [...new Set(data.flatMap((s) => s.instructors.map((i) => i.name)))];
  const coachIds = new Map(coachNames.map((name) => [name, randomUUID()]));
  await db.execute(
    sql`INSERT INTO "user" (id, name, email, role, email_verified) VALUES ${sql.join(
      [...coachIds].map(([name, id]) => sql`(${id}, ${name}, ${`coach-${id}@bench.test`}, 'COACH', true)`),
      sql`, `,
    )}`,
  );
  const clientIds = Array.from({ length: options.clients }, () => randomUUID());
  for (let i = 0; i < clientIds.length; i += 500) {
    await db.execute(
      sql`INSERT INTO "user" (id, name, email, role, email_verified) VALUES ${sql.join(
        clientIds
          .slice(i, i + 500)
          .map((id, j) => sql`(${id}, ${`Client ${i + j + 1}`}, ${`client-${id}@bench.test`}, 'CLIENT', true)`),
        sql`, `,
      )}`,
    );
  }

  const typeIds = new Map<string, string>();
  for (const name of [...new Set(data.map((s) => s.name))]) {
    const sample = data.find((s) => s.name === name)!;
    const created = await db.execute(sql`
      INSERT INTO class_types (name, color, default_capacity, default_duration_mins)
      VALUES (${name}, ${`#${sample.offering_type.background_color}`}, ${sample.max_occupancy}, 25) RETURNING id`);
    typeIds.set(name, rowsOf<{ id: string }>(created)[0]!.id);
  }
  for (let i = 0; i < data.length; i += 300) {
    await db.execute(sql`
      INSERT INTO sessions (class_type_id, coach_id, title, start_time, end_time, capacity, location, credit_cost,
        registrations_open_at, registrations_close_at, late_cancels_after)
      VALUES ${sql.join(
        data.slice(i, i + 300).map(
          (
            s,
          ) => sql`(${typeIds.get(s.name)!}::uuid, ${coachIds.get(s.instructors[0]?.name ?? coachNames[0]!)!}, ${s.name},
            ${s.starts_at}::timestamptz, ${s.ends_at}::timestamptz, ${s.max_occupancy}, ${s.venue.name}, 1,
            ${s.active_registration_status.registrations_open_at}::timestamptz, ${s.active_registration_status.registrations_close_at}::timestamptz,
            ${s.active_registration_status.late_cancels_after}::timestamptz)`,
        ),
        sql`, `,
      )}`);
  }

  // Registrations: each session gets the same number of distinct clients (101 is coprime with the
  // client count, so a session never holds a client twice).
  const perSession = Math.ceil(options.registrations / data.length);
  await db.execute(sql`
    WITH s AS (SELECT id, capacity, start_time, row_number() OVER (ORDER BY start_time, id) AS n FROM sessions),
    u AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM "user" WHERE role = 'CLIENT'),
    picks AS (
      SELECT s.id AS session_id, s.capacity, s.start_time, g AS slot, (s.n * 37 + g * 101) % ${options.clients} AS k
      FROM s, generate_series(1, ${perSession}) AS g
    )
    INSERT INTO session_registrations (session_id, user_id, status, waitlist_position, credits_consumed, registered_at, cancelled_at)
    SELECT p.session_id, u.id,
      CASE WHEN p.slot <= p.capacity THEN 'REGISTERED' WHEN p.slot <= p.capacity + 4 THEN 'WAITLISTED'
           WHEN p.slot % 3 = 0 THEN 'LATE_CANCELLED' ELSE 'CANCELLED' END::registration_status,
      CASE WHEN p.slot > p.capacity AND p.slot <= p.capacity + 4 THEN p.slot - p.capacity END,
      CASE WHEN p.slot <= p.capacity OR (p.slot > p.capacity + 4 AND p.slot % 3 = 0) THEN 1 ELSE 0 END,
      p.start_time - interval '3 days',
      CASE WHEN p.slot > p.capacity + 4 THEN p.start_time - interval '1 day' END
    FROM picks p JOIN u ON u.k = p.k
    ORDER BY p.session_id, p.slot
    LIMIT ${options.registrations}`);
  await db.execute(sql`
    UPDATE sessions s SET
      registered_count = (SELECT count(*) FROM session_registrations r WHERE r.session_id = s.id AND r.status = 'REGISTERED'),
      waitlist_count = (SELECT count(*) FROM session_registrations r WHERE r.session_id = s.id AND r.status = 'WAITLISTED')`);
  // What autovacuum does on a production server after a load like this one (it is off on these
  // machines): clears the dead versions the counters' UPDATE left and sets the visibility map.
  await db.execute(sql`VACUUM ANALYZE`);

  const viewers = await sessionCookies(db, clientIds.slice(0, options.viewers));
  const span = rowsOf<{ first: Date; last: Date; sessions: string; registrations: string }>(
    await db.execute(sql`SELECT min(start_time) AS first, max(start_time) AS last, (SELECT count(*) FROM sessions) AS sessions,
      (SELECT count(*) FROM session_registrations) AS registrations FROM sessions`),
  )[0]!;
  return {
    viewers,
    first: new Date(span.first),
    last: new Date(span.last),
    sessions: Number(span.sessions),
    registrations: Number(span.registrations),
  };
}
