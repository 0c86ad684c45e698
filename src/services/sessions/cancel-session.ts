import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client';
import type { Actor } from '../../domain/access/roles';
import { DomainError } from '../../domain/shared/domain-error';
import { recordAudit } from '../audit/record-audit';
import { refundCreditsForBooking } from '../credits/refund-credits-for-booking';
import { seriesTargets, type EditScope } from './edit-session';
import { lockSession } from './lock-session';
import { notifySessionCancelled } from './session-notifications';
import { getSessionView, type SessionView } from './session-views';
import { inTransaction } from '../../db/in-transaction';
import { rowsOf } from '../../db/rows';

/**
 * The studio cancels a session (or the rest of its series): every booking is cancelled with
 * its credits returned, the waitlist is cleared, and everyone is told. Cancelling an already
 * cancelled session changes nothing.
 */
export async function cancelSession(
  db: Database,
  actor: Actor,
  sessionId: string,
  options: { scope: EditScope; reason?: string },
  now: Date,
): Promise<SessionView> {
  return inTransaction(db, async (tx) => {
    const targets = await seriesTargets(tx, sessionId, options.scope);
    // Every session first (in start order, as every path locks sessions), then every grant the
    // refunds will change, in one sweep by grant id (ADR 0008), before any of them is changed.
    for (const id of targets) await lockSession(tx, id);
    await lockGrantsToRefund(tx, targets);
    for (const id of targets) await cancelLocked(tx, actor, id, options.reason?.trim() || null, now);
    return getSessionView(tx, actor, sessionId, now);
  });
}

async function lockGrantsToRefund(tx: Tx, sessionIds: readonly string[]) {
  await tx.execute(sql`
    SELECT g.id FROM credit_grants g
    WHERE g.id IN (
      SELECT t.grant_id FROM credit_transactions t JOIN session_registrations r ON r.id = t.registration_id
      WHERE r.session_id = ANY(${`{${sessionIds.join(',')}}`}::uuid[]) AND r.status NOT IN ('CANCELLED', 'LATE_CANCELLED')
    )
    ORDER BY g.id FOR UPDATE OF g`);
}

async function cancelLocked(tx: Tx, actor: Actor, sessionId: string, reason: string | null, now: Date) {
  const session = await lockSession(tx, sessionId);
  if (session.status === 'CANCELLED') return;
  if (now >= session.endTime)
    throw new DomainError('SESSION_ENDED', 'This class has already taken place and cannot be cancelled');
  const result = await tx.execute(sql`
    WITH live AS (
      SELECT id, status FROM session_registrations
      WHERE session_id = ${sessionId}::uuid AND status NOT IN ('CANCELLED', 'LATE_CANCELLED')
    )
    UPDATE session_registrations r SET status = 'CANCELLED', waitlist_position = NULL,
      cancelled_at = ${now.toISOString()}::timestamptz, cancelled_by = ${actor.id}, updated_at = ${now.toISOString()}::timestamptz
    FROM live WHERE r.id = live.id
    RETURNING r.id, r.user_id, live.status AS previous_status`);
  // The refunds' grants are already locked (lockGrantsToRefund); refunded in client order.
  const cancelled = rowsOf<{ id: string; user_id: string; previous_status: string }>(result).sort((a, b) =>
    a.user_id.localeCompare(b.user_id),
  );
  const people = [];
  for (const r of cancelled) {
    const wasWaitlisted = r.previous_status === 'WAITLISTED';
    const refunded = wasWaitlisted
      ? 0
      : (
          await refundCreditsForBooking(tx, {
            registrationId: r.id,
            actorId: actor.id,
            reason: 'class cancelled by the studio',
            now,
          })
        ).refunded;
    people.push({ userId: r.user_id, registrationId: r.id, wasWaitlisted, refunded });
  }
  await tx.execute(sql`
    UPDATE sessions SET status = 'CANCELLED', registered_count = 0, waitlist_count = 0,
      cancelled_at = ${now.toISOString()}::timestamptz, cancelled_by = ${actor.id}, updated_at = ${now.toISOString()}::timestamptz
    WHERE id = ${sessionId}::uuid`);
  await notifySessionCancelled(tx, { session, people, reason });
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'session.cancelled',
    targetType: 'session',
    targetId: session.id,
    before: { status: session.status, registered: session.registeredCount, waitlisted: session.waitlistCount },
    after: { status: 'CANCELLED', reason, refundedClients: people.filter((p) => p.refunded > 0).length },
  });
}
