import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { classSessions, sessionRegistrations } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { decideDeskBooking, type DeskPayment } from '../../domain/sessions/decide-desk-booking';
import { ledgerDescriptionForSession } from '../../domain/sessions/ledger-description';
import { DomainError } from '../../domain/shared/domain-error';
import { refuseInactiveUser } from '../../domain/users/refuse-inactive-user';
import { recordAudit } from '../audit/record-audit';
import { recordComp } from '../credits/record-comp';
import { lockAndLoad } from './booking-statements';
import { notifyBookingConfirmed } from './session-notifications';
import type { BookingResult } from './book-session';

/**
 * Staff add a client to a class without their credits: COMP (free; the reason goes in the
 * client's account history as a COMP line) or AT_DESK (owed until marked paid). The registration
 * remembers which. Cannot race: it takes the very locks of the class booking path (session row
 * first, then the client's row, in lockAndLoad), so the place counted here is not handed to a
 * concurrent booking, cancellation or promotion of the same class, and the client cannot be
 * booked twice (the partial unique index on live registrations backs that up). The registration,
 * the session's counter, the COMP line and the audit entry commit together or not at all.
 * A cold path (a staff action), so it writes with the query builder.
 */
export async function bookAtDesk(
  db: Database,
  actor: Actor,
  input: { sessionId: string; userId: string; payment: DeskPayment; reason?: string | null },
  now: Date,
): Promise<BookingResult> {
  return inTransaction(db, async (tx) => {
    const { session, facts, client, timeZone } = await lockAndLoad(tx, input.sessionId, input.userId, {
      rereadAfterLocking: true, // a fresh read of the facts under the locks: no version games on a cold path
    });
    const inactive = refuseInactiveUser(client);
    if (inactive) throw inactive;
    const reason = input.reason?.trim() || null;
    const decision = decideDeskBooking(
      { session, existing: facts.existing, hasOverlappingBooking: facts.overlap },
      { payment: input.payment, reason },
      now,
    );
    if (decision instanceof DomainError) throw decision;
    if (decision.kind === 'EXISTING') return { registration: facts.existing!, created: false };

    const registrationId = randomUUID();
    await tx.insert(sessionRegistrations).values({
      id: registrationId,
      sessionId: session.id,
      userId: input.userId,
      status: 'REGISTERED',
      creditsConsumed: 0,
      bookedBy: actor.id,
      registeredAt: now,
      payment: input.payment,
      updatedAt: now,
    });
    await tx
      .update(classSessions)
      .set({ registeredCount: sql`${classSessions.registeredCount} + 1`, updatedAt: now })
      .where(eq(classSessions.id, session.id));
    const what = ledgerDescriptionForSession(session, timeZone);
    if (input.payment === 'COMP') {
      await recordComp(tx, {
        userId: input.userId,
        description: what,
        reason: reason!,
        registrationId,
        sessionId: session.id,
        actorId: actor.id,
        now,
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.payment === 'COMP' ? 'registration.comp_booked' : 'registration.desk_booked',
      targetType: 'registration',
      targetId: registrationId,
      after: { sessionId: session.id, userId: input.userId, class: what, payment: input.payment, reason },
    });
    if (facts.wantsConfirmation) {
      await notifyBookingConfirmed(tx, {
        userId: input.userId,
        registrationId,
        session,
        status: 'REGISTERED',
        waitlistPosition: null,
      });
    }
    return { registration: { id: registrationId, status: 'REGISTERED', waitlistPosition: null }, created: true };
  });
}
