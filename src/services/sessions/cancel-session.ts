import { and, eq, inArray, notInArray } from 'drizzle-orm';
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
import { classSessions, creditGrants, creditTransactions, sessionRegistrations } from '../../db/schema';
import { ENDED_REGISTRATION_STATUSES } from '../../domain/sessions/types';

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
  const refundable = tx
    .select({ grantId: creditTransactions.grantId })
    .from(creditTransactions)
    .innerJoin(sessionRegistrations, eq(sessionRegistrations.id, creditTransactions.registrationId))
    .where(
      and(
        inArray(sessionRegistrations.sessionId, [...sessionIds]),
        notInArray(sessionRegistrations.status, [...ENDED_REGISTRATION_STATUSES]),
      ),
    );
  await tx
    .select({ id: creditGrants.id })
    .from(creditGrants)
    .where(inArray(creditGrants.id, refundable))
    .orderBy(creditGrants.id)
    .for('update');
}

async function cancelLocked(tx: Tx, actor: Actor, sessionId: string, reason: string | null, now: Date) {
  const session = await lockSession(tx, sessionId);
  if (session.status === 'CANCELLED') return;
  if (now >= session.endTime)
    throw new DomainError('SESSION_ENDED', 'This class has already taken place and cannot be cancelled');
  // Read and changed under the session's lock: no booking or cancellation of it runs meanwhile.
  const live = await tx
    .select({ id: sessionRegistrations.id, userId: sessionRegistrations.userId, status: sessionRegistrations.status })
    .from(sessionRegistrations)
    .where(
      and(
        eq(sessionRegistrations.sessionId, sessionId),
        notInArray(sessionRegistrations.status, [...ENDED_REGISTRATION_STATUSES]),
      ),
    );
  if (live.length > 0)
    await tx
      .update(sessionRegistrations)
      .set({ status: 'CANCELLED', waitlistPosition: null, cancelledAt: now, cancelledBy: actor.id, updatedAt: now })
      .where(
        inArray(
          sessionRegistrations.id,
          live.map((r) => r.id),
        ),
      );
  // The refunds' grants are already locked (lockGrantsToRefund); refunded in client order.
  const cancelled = live.sort((a, b) => a.userId.localeCompare(b.userId));
  const people = [];
  for (const r of cancelled) {
    const wasWaitlisted = r.status === 'WAITLISTED';
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
    people.push({ userId: r.userId, registrationId: r.id, wasWaitlisted, refunded });
  }
  await tx
    .update(classSessions)
    .set({
      status: 'CANCELLED',
      registeredCount: 0,
      waitlistCount: 0,
      cancelledAt: now,
      cancelledBy: actor.id,
      updatedAt: now,
    })
    .where(eq(classSessions.id, sessionId));
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
