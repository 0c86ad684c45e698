import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { decidePromotion } from '../../domain/sessions/decide-promotion';
import { ledgerDescriptionForSession } from '../../domain/sessions/ledger-description';
import { isDomainError } from '../../domain/shared/domain-error';
import { consumeCreditsForBooking } from '../credits/consume-credits-for-booking';
import { loadSettings } from '../settings/settings-service';
import { hasOverlappingBooking, type LockedSession } from './lock-session';
import { notifyPromoted } from './session-notifications';
import { asDate, rowsOf } from '../../db/rows';

/** Credit refusals that mean "this client cannot pay": they stay queued and are skipped. */
const CANNOT_PAY = new Set(['INSUFFICIENT_CREDITS', 'CLASS_TYPE_NOT_ALLOWED']);

/**
 * Fills free places of a locked session from its waitlist, in queue order, in the caller's
 * transaction (the one that freed the place). Each promotion consumes the client's credits and
 * notifies them. The caller holds the session lock, so a freed place is promoted exactly once;
 * `session.registeredCount` must be current. Returns the promoted registration ids; the caller
 * resyncs the session's counters and queue afterwards. `alsoLockGrants`: grants the caller
 * changes later in the transaction (a cancellation's refund), locked together with the
 * promoted client's in one sweep in grant id order (ADR 0008).
 */
export async function promoteFromWaitlist(
  tx: Tx,
  session: LockedSession,
  actorId: string,
  now: Date,
  alsoLockGrants: readonly string[] = [],
): Promise<string[]> {
  // Nobody waiting, or no place to give: nothing to read.
  if (session.waitlistCount === 0 || decidePromotion({ session, waitlist: [] }, now).places === 0) return [];
  const result = await tx.execute(sql`
    SELECT r.id, r.user_id,
      EXISTS (
        SELECT 1 FROM session_registrations o JOIN sessions os ON os.id = o.session_id
        WHERE o.user_id = r.user_id AND o.status = 'REGISTERED' AND os.status = 'SCHEDULED' AND os.id <> r.session_id
          AND os.start_time < ${session.endTime.toISOString()}::timestamptz AND os.end_time > ${session.startTime.toISOString()}::timestamptz
      ) AS overlap
    FROM session_registrations r
    WHERE r.session_id = ${session.id}::uuid AND r.status = 'WAITLISTED'
    ORDER BY r.waitlist_position`);
  const queue = rowsOf<{ id: string; user_id: string; overlap: boolean }>(result);
  const decision = decidePromotion(
    { session, waitlist: queue.map((q) => ({ registrationId: q.id, hasOverlappingBooking: q.overlap === true })) },
    now,
  );
  const promoted: string[] = [];
  if (decision.candidates.length === 0) return promoted;
  const ledgerWords = ledgerDescriptionForSession(session, (await loadSettings(tx))['studio.timezone'], 'waitlist');
  // Several places (capacity raised): every candidate's row, then all their grants, locked up
  // front, each kind in one sweep by id; a promotion below then only takes locks it holds.
  if (decision.places > 1) await lockCandidatesUpFront(tx, queue, alsoLockGrants);
  for (const registrationId of decision.candidates) {
    if (promoted.length === decision.places) break;
    const candidate = queue.find((q) => q.id === registrationId)!;
    if (await promoteOne(tx, session, candidate, { ledgerWords, actorId, now, alsoLockGrants }))
      promoted.push(registrationId);
  }
  return promoted;
}

async function lockCandidatesUpFront(
  tx: Tx,
  queue: ReadonlyArray<{ user_id: string }>,
  alsoLockGrants: readonly string[],
) {
  const users = sql`${`{${[...new Set(queue.map((q) => q.user_id))].join(',')}}`}::text[]`;
  await tx.execute(sql`SELECT id FROM "user" WHERE id = ANY(${users}) ORDER BY id FOR NO KEY UPDATE`);
  await tx.execute(sql`SELECT id FROM credit_grants
    WHERE user_id = ANY(${users}) OR id = ANY(${`{${alsoLockGrants.join(',')}}`}::uuid[])
    ORDER BY id FOR UPDATE`);
}

/** A candidate who now holds a clashing booking: skipped, their savepoint rolled back. */
class HasClashingBooking extends Error {}

async function promoteOne(
  tx: Tx,
  session: LockedSession,
  candidate: { id: string; user_id: string },
  context: { ledgerWords: string; actorId: string; now: Date; alsoLockGrants: readonly string[] },
): Promise<boolean> {
  const { actorId, now } = context;
  try {
    // A savepoint: a client who cannot pay leaves no trace — and no locks (rolling back to a
    // savepoint releases the row locks taken since), so the next candidate starts afresh.
    await tx.transaction(async (sp) => {
      // Serialize with this client's own bookings (which lock their user row after a session
      // row, the same order as here), then check again for a clash they may have just booked.
      await sp.execute(sql`SELECT id FROM "user" WHERE id = ${candidate.user_id} FOR NO KEY UPDATE`);
      if (await hasOverlappingBooking(sp, candidate.user_id, session)) throw new HasClashingBooking();
      if (session.creditCost === 0) return;
      await consumeCreditsForBooking(sp, {
        userId: candidate.user_id,
        registrationId: candidate.id,
        sessionId: session.id,
        classTypeId: session.classTypeId,
        sessionStart: session.startTime,
        cost: session.creditCost,
        actorId,
        description: context.ledgerWords,
        now,
        alsoLockGrants: context.alsoLockGrants,
      });
    });
  } catch (error) {
    if (error instanceof HasClashingBooking) return false;
    if (isDomainError(error) && CANNOT_PAY.has(error.code)) return false;
    throw error;
  }
  const updated = await tx.execute(sql`
    UPDATE session_registrations
    SET status = 'REGISTERED', waitlist_position = NULL, promoted_at = ${now.toISOString()}::timestamptz,
        credits_consumed = ${session.creditCost}, updated_at = ${now.toISOString()}::timestamptz
    WHERE id = ${candidate.id}::uuid AND status = 'WAITLISTED'
    RETURNING promoted_at`);
  if (rowsOf(updated).length !== 1)
    throw new Error(`waitlisted registration ${candidate.id} changed under the session lock`);
  session.registeredCount += 1;
  await notifyPromoted(tx, {
    userId: candidate.user_id,
    registrationId: candidate.id,
    session,
    promotedAt: asDate(now),
  });
  return true;
}
