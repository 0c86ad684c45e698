import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client';
import { insertGrants } from '../../src/services/credits/insert-grants';
import { sessionCookies } from './server';

const HOUR = 3_600_000;

export interface BookingFixture {
  dropSessionId: string;
  dropClients: string[];
  sessionIds: string[];
  workerClients: string[][];
}

/** Inserts `count` users of a role in one statement; returns their ids. */
async function insertUsers(db: Database, count: number, role: string, prefix: string): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await db.execute(sql`
      INSERT INTO "user" (id, name, email, role, email_verified)
      VALUES ${sql.join(
        chunk.map(
          (id, j) =>
            sql`(${id}, ${`${prefix} ${i + j + 1}`}, ${`${prefix.toLowerCase()}-${id}@bench.test`}, ${role}, true)`,
        ),
        sql`, `,
      )}`);
  }
  return ids;
}

/**
 * The studio the booking benchmark runs against: one class-drop session (capacity 15) for 200
 * clients, and `sessions` sessions (capacity 12, 40 minutes apart so no booking clashes) for the
 * sustained phase, whose clients are split between the load workers. Every client has plenty of
 * credits, so every refusal would be a bug. Statistics are gathered after seeding (autovacuum is off).
 */
export async function createBookingFixture(
  db: Database,
  options: { dropClients: number; workers: number; clientsPerWorker: number; sessions: number },
  now: Date,
) {
  const [coachId] = await insertUsers(db, 1, 'COACH', 'Coach');
  const dropClientIds = await insertUsers(db, options.dropClients, 'CLIENT', 'Drop');
  const workerClientIds = await insertUsers(db, options.workers * options.clientsPerWorker, 'CLIENT', 'Regular');
  const classType = await db.execute(sql`
    INSERT INTO class_types (name, default_capacity, default_duration_mins) VALUES ('HIIT', 15, 25) RETURNING id`);
  const classTypeId = (classType as { rows: Array<{ id: string }> }).rows[0]!.id;
  const makeSession = async (start: Date, capacity: number) => {
    const result = await db.execute(sql`
      INSERT INTO sessions (class_type_id, coach_id, title, start_time, end_time, capacity, credit_cost,
        registrations_open_at, registrations_close_at, late_cancels_after)
      VALUES (${classTypeId}::uuid, ${coachId!}, 'HIIT', ${start.toISOString()}::timestamptz, ${new Date(start.getTime() + 25 * 60_000).toISOString()}::timestamptz,
        ${capacity}, 1, ${new Date(start.getTime() - 336 * HOUR).toISOString()}::timestamptz, ${start.toISOString()}::timestamptz,
        ${new Date(start.getTime() - 2 * HOUR).toISOString()}::timestamptz)
      RETURNING id`);
    return (result as { rows: Array<{ id: string }> }).rows[0]!.id;
  };
  const dropSessionId = await makeSession(new Date(now.getTime() + 48 * HOUR), 15);
  const sessionIds: string[] = [];
  for (let i = 0; i < options.sessions; i++)
    sessionIds.push(await makeSession(new Date(now.getTime() + 72 * HOUR + i * 40 * 60_000), 12));

  const everyone = [...dropClientIds, ...workerClientIds];
  for (let i = 0; i < everyone.length; i += 200) {
    await db.transaction((tx) =>
      insertGrants(
        tx,
        everyone.slice(i, i + 200).map((userId) => ({
          userId,
          membershipId: null,
          source: 'ADJUSTMENT' as const,
          amount: dropClientIds.includes(userId) ? 1 : 100_000,
          validFrom: new Date(now.getTime() - 24 * HOUR),
          validUntil: new Date(now.getTime() + 30 * 24 * HOUR),
          weekStart: null,
          description: 'Benchmark credits',
        })),
        { kind: 'ADJUST', reasonCode: 'ADMIN_ADJUSTMENT', actorId: null, now },
      ),
    );
  }
  await insertHistory(db, { classTypeId, coachId: coachId!, clientIds: workerClientIds, now });
  const dropCookies = await sessionCookies(db, dropClientIds);
  const workerCookies = await sessionCookies(db, workerClientIds);
  await db.execute(sql`ANALYZE`);
  const workerClients = Array.from({ length: options.workers }, (_, w) =>
    workerCookies.slice(w * options.clientsPerWorker, (w + 1) * options.clientsPerWorker),
  );
  return { dropSessionId, dropClients: dropCookies, sessionIds, workerClients } satisfies BookingFixture;
}

/**
 * A studio has a past: 400 completed classes (every 4 hours back from yesterday), each attended
 * by 10 of the regular clients. Besides realism, it gives the planner true statistics for the
 * registrations table (autovacuum is off here: an empty table at ANALYZE time makes cached plans
 * scan it whole). The history carries no credits, like records imported from another system.
 */
async function insertHistory(
  db: Database,
  input: { classTypeId: string; coachId: string; clientIds: string[]; now: Date },
) {
  const past = await db.execute(sql`
    INSERT INTO sessions (class_type_id, coach_id, title, start_time, end_time, capacity, credit_cost,
      registrations_open_at, registrations_close_at, late_cancels_after, status, registered_count)
    SELECT ${input.classTypeId}::uuid, ${input.coachId}, 'HIIT', start_time, start_time + interval '25 minutes', 12, 1,
      start_time - interval '14 days', start_time, start_time - interval '2 hours', 'COMPLETED', 10
    FROM (SELECT ${input.now.toISOString()}::timestamptz - interval '1 day' - i * interval '4 hours' AS start_time FROM generate_series(0, 399) AS i) AS slots
    RETURNING id, start_time`);
  const sessions = (past as { rows: Array<{ id: string; start_time: Date }> }).rows;
  const n = input.clientIds.length;
  const rows = sessions.flatMap((session, i) =>
    // 13 is coprime with the client count (a power of two), so the 10 clients of a class differ.
    Array.from({ length: 10 }, (_, k) => ({
      sessionId: session.id,
      userId: input.clientIds[(i * 7 + k * 13) % n]!,
      at: new Date(session.start_time),
    })),
  );
  for (let i = 0; i < rows.length; i += 500) {
    await db.execute(sql`
      INSERT INTO session_registrations (session_id, user_id, status, credits_consumed, booked_by, registered_at, updated_at)
      VALUES ${sql.join(
        rows
          .slice(i, i + 500)
          .map(
            (r) =>
              sql`(${r.sessionId}::uuid, ${r.userId}, 'ATTENDED', 0, ${r.userId}, ${r.at.toISOString()}::timestamptz - interval '1 day', ${r.at.toISOString()}::timestamptz)`,
          ),
        sql`, `,
      )}`);
  }
}

/** Every invariant of the booking model, checked in SQL over the whole database. */
export async function bookingViolations(db: Database): Promise<Record<string, number>> {
  const result = await db.execute(sql`
    SELECT
      (SELECT count(*) FROM sessions s WHERE s.registered_count <> (SELECT count(*) FROM session_registrations r WHERE r.session_id = s.id AND r.status IN ('REGISTERED','ATTENDED','NO_SHOW'))) AS place_counter_mismatch,
      (SELECT count(*) FROM sessions s WHERE s.waitlist_count <> (SELECT count(*) FROM session_registrations r WHERE r.session_id = s.id AND r.status = 'WAITLISTED')) AS waitlist_counter_mismatch,
      (SELECT count(*) FROM sessions s WHERE s.registered_count > s.capacity) AS over_capacity,
      (SELECT count(*) FROM (SELECT session_id FROM session_registrations WHERE status = 'WAITLISTED' GROUP BY session_id
         HAVING min(waitlist_position) <> 1 OR max(waitlist_position) <> count(*) OR count(DISTINCT waitlist_position) <> count(*)) AS q1) AS queue_gaps,
      (SELECT count(*) FROM (SELECT session_id, user_id FROM session_registrations WHERE status NOT IN ('CANCELLED','LATE_CANCELLED') GROUP BY 1, 2 HAVING count(*) > 1) AS q2) AS duplicate_live,
      (SELECT count(*) FROM sessions s WHERE
         COALESCE((SELECT -sum(t.amount) FROM credit_transactions t WHERE t.session_id = s.id AND t.kind IN ('CONSUME','REFUND')), 0)
         <> COALESCE((SELECT sum(r.credits_consumed) FROM session_registrations r WHERE r.session_id = s.id AND r.status IN ('REGISTERED','ATTENDED','NO_SHOW','LATE_CANCELLED')), 0)) AS ledger_vs_registrations,
      (SELECT count(*) FROM credit_grants g WHERE g.remaining <> COALESCE((SELECT sum(t.amount) FROM credit_transactions t WHERE t.grant_id = g.id), 0)) AS grant_vs_ledger,
      (SELECT count(*) FROM session_registrations WHERE status = 'WAITLISTED' AND session_id IN (SELECT id FROM sessions WHERE registered_count < capacity)) AS waiting_beside_free_place`);
  const row = (result as { rows: Array<Record<string, string | number>> }).rows[0]!;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

/** Sequential scans of the hot tables so far (the hot path must use indexes). */
export async function seqScans(db: Database): Promise<Record<string, number>> {
  const result = await db.execute(sql`
    SELECT relname, seq_scan FROM pg_stat_user_tables
    WHERE relname IN ('sessions', 'session_registrations', 'credit_grants', 'credit_transactions', 'user', 'session')`);
  return Object.fromEntries(
    (result as { rows: Array<{ relname: string; seq_scan: string }> }).rows.map((r) => [r.relname, Number(r.seq_scan)]),
  );
}

/** The server's WAL written so far (all databases; nothing else runs during the measured phase). */
export async function walWritten(db: Database): Promise<{ records: number; bytes: number }> {
  const result = await db.execute(sql`SELECT wal_records, wal_bytes FROM pg_stat_wal`);
  const row = (result as { rows: Array<{ wal_records: string; wal_bytes: string }> }).rows[0]!;
  return { records: Number(row.wal_records), bytes: Number(row.wal_bytes) };
}
