import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { DomainError } from '../../domain/shared/domain-error';
import type { SessionFacts, SessionStatus } from '../../domain/sessions/types';
import { asDate, rowsOf } from '../../db/rows';
import { executePrepared } from '../../db/execute-prepared';

export interface LockedSession extends SessionFacts {
  id: string;
  classTypeId: string;
  classTypeName: string;
  title: string;
  coachId: string;
  location: string;
}

interface Row {
  id: string;
  class_type_id: string;
  class_type_name: string;
  title: string;
  coach_id: string;
  location: string;
  status: SessionStatus;
  start_time: Date;
  end_time: Date;
  capacity: number;
  registered_count: number;
  waitlist_count: number;
  registrations_open_at: Date;
  registrations_close_at: Date;
  late_cancels_after: Date;
  credit_cost: number;
  waitlist_limit: number | null;
}

export function toLockedSession(r: Row): LockedSession {
  return {
    id: r.id,
    classTypeId: r.class_type_id,
    classTypeName: r.class_type_name,
    title: r.title,
    coachId: r.coach_id,
    location: r.location,
    status: r.status,
    startTime: asDate(r.start_time),
    endTime: asDate(r.end_time),
    capacity: Number(r.capacity),
    registeredCount: Number(r.registered_count),
    waitlistCount: Number(r.waitlist_count),
    registrationsOpenAt: asDate(r.registrations_open_at),
    registrationsCloseAt: asDate(r.registrations_close_at),
    lateCancelsAfter: asDate(r.late_cancels_after),
    creditCost: Number(r.credit_cost),
    waitlistLimit: r.waitlist_limit === null ? null : Number(r.waitlist_limit),
  };
}

export const LOCKED_SESSION_COLUMNS =
  sql.raw(`s.id, s.class_type_id, ct.name AS class_type_name, s.title, s.coach_id, s.location,
  s.status, s.start_time, s.end_time, s.capacity, s.registered_count, s.waitlist_count,
  s.registrations_open_at, s.registrations_close_at, s.late_cancels_after, s.credit_cost, ct.waitlist_limit`);

/**
 * Locks a session row (`FOR UPDATE`) and returns what the rules need. Every change to a
 * session's places, waitlist or counters happens under this lock, so changes to one session
 * run one after another while different sessions never wait for each other. Anything read
 * from other tables must be read by a later statement: under READ COMMITTED a statement that
 * waited for the lock still sees the data as it was when that statement began.
 */
export async function lockSession(tx: Tx, sessionId: string): Promise<LockedSession> {
  const result = await executePrepared(
    tx,
    sql`
    SELECT ${LOCKED_SESSION_COLUMNS}
    FROM sessions s JOIN class_types ct ON ct.id = s.class_type_id
    WHERE s.id = ${sessionId}::uuid
    FOR UPDATE OF s`,
  );
  const row = rowsOf<Row>(result)[0];
  if (!row) throw new DomainError('SESSION_NOT_FOUND', 'No such class');
  return toLockedSession(row);
}

/** The client holds a place in another scheduled session that overlaps [start, end). */
export async function hasOverlappingBooking(
  tx: Tx,
  userId: string,
  session: { id: string; startTime: Date; endTime: Date },
): Promise<boolean> {
  const result = await tx.execute(sql`
    SELECT EXISTS (
      SELECT 1 FROM session_registrations r JOIN sessions s ON s.id = r.session_id
      WHERE r.user_id = ${userId} AND r.status = 'REGISTERED' AND s.status = 'SCHEDULED' AND s.id <> ${session.id}::uuid
        AND s.start_time < ${session.endTime.toISOString()}::timestamptz AND s.end_time > ${session.startTime.toISOString()}::timestamptz
    ) AS overlap`);
  return rowsOf<{ overlap: boolean }>(result)[0]?.overlap === true;
}
