import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { Actor } from '../../domain/access/roles';
import { decideAttendance, type AttendanceMark } from '../../domain/sessions/decide-attendance';
import type { RegistrationStatus } from '../../domain/sessions/types';
import { DomainError } from '../../domain/shared/domain-error';
import { lockSession } from './lock-session';
import { inTransaction } from '../../db/in-transaction';
import { rowsOf } from '../../db/rows';

/** A coach marks a booked client ATTENDED or NO_SHOW (the place stays taken either way). */
export async function markAttendance(
  db: Database,
  actor: Actor,
  sessionId: string,
  input: { userId: string; status: AttendanceMark },
  now: Date,
): Promise<{ id: string; userId: string; status: AttendanceMark }> {
  return inTransaction(db, async (tx) => {
    // Locked so a mark never crosses a concurrent removal of the same client.
    const session = await lockSession(tx, sessionId);
    const found = await tx.execute(sql`
      SELECT id, status FROM session_registrations
      WHERE session_id = ${sessionId}::uuid AND user_id = ${input.userId} AND status NOT IN ('CANCELLED', 'LATE_CANCELLED')`);
    const registration = rowsOf<{ id: string; status: RegistrationStatus }>(found)[0] ?? null;
    const decision = decideAttendance({ session, registration }, input.status, now);
    if (decision instanceof DomainError) throw decision;
    // The session row is rewritten too: every change to a session's registrations bumps its row
    // version, which bookings rely on (see booking-statements.ts).
    await tx.execute(sql`
      WITH marked AS (
        UPDATE session_registrations SET status = ${decision.status}, attendance_marked_at = ${now.toISOString()}::timestamptz,
          attendance_marked_by = ${actor.id}, updated_at = ${now.toISOString()}::timestamptz
        WHERE id = ${registration!.id}::uuid
        RETURNING session_id
      )
      UPDATE sessions SET updated_at = ${now.toISOString()}::timestamptz WHERE id IN (SELECT session_id FROM marked)`);
    return { id: registration!.id, userId: input.userId, status: decision.status };
  });
}
