import { ENDED_REGISTRATION_STATUSES } from '../../domain/sessions/types';
import { and, eq, notInArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { classSessions, sessionRegistrations } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { decideAttendance, type AttendanceMark } from '../../domain/sessions/decide-attendance';
import { DomainError } from '../../domain/shared/domain-error';
import { recordAudit } from '../audit/record-audit';
import { lockSession } from './lock-session';

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
    const [registration] = await tx
      .select({ id: sessionRegistrations.id, status: sessionRegistrations.status })
      .from(sessionRegistrations)
      .where(
        and(
          eq(sessionRegistrations.sessionId, sessionId),
          eq(sessionRegistrations.userId, input.userId),
          notInArray(sessionRegistrations.status, [...ENDED_REGISTRATION_STATUSES]),
        ),
      );
    const decision = decideAttendance({ session, registration: registration ?? null }, input.status, now, {
      byAdmin: actor.role === 'ADMIN',
    });
    if (decision instanceof DomainError) throw decision;
    if (decision.lateCorrection) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'attendance.corrected_late',
        targetType: 'registration',
        targetId: registration!.id,
        before: { status: registration!.status },
        after: { status: decision.status, sessionId, userId: input.userId },
      });
    }
    await tx
      .update(sessionRegistrations)
      .set({ status: decision.status, attendanceMarkedAt: now, attendanceMarkedBy: actor.id, updatedAt: now })
      .where(eq(sessionRegistrations.id, registration!.id));
    // The session row is rewritten too: every change to a session's registrations bumps its row
    // version, which bookings rely on (see booking-statements.ts).
    await tx.update(classSessions).set({ updatedAt: now }).where(eq(classSessions.id, sessionId));
    return { id: registration!.id, userId: input.userId, status: decision.status };
  });
}
