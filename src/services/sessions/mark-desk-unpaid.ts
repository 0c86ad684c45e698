import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { sessionRegistrations } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { decideDeskUnpaid } from '../../domain/sessions/decide-desk-booking';
import { DomainError } from '../../domain/shared/domain-error';
import { recordAudit } from '../audit/record-audit';
import { lockDeskRegistration } from './mark-desk-paid';

/**
 * Staff undo a "paid at the desk" recorded by mistake: the place is owed again. The row is locked
 * like marking it paid, so a paid and an unpaid click at once apply one after the other, each
 * audited against what the other left; a second undo changes nothing and records nothing.
 */
export async function markDeskUnpaid(
  db: Database,
  actor: Actor,
  registrationId: string,
  now: Date,
): Promise<{ id: string; payment: 'AT_DESK'; paidAt: null }> {
  return inTransaction(db, async (tx) => {
    const registration = await lockDeskRegistration(tx, registrationId);
    const decision = decideDeskUnpaid(registration);
    if (decision instanceof DomainError) throw decision;
    if (decision.kind === 'MARK_UNPAID') {
      await tx
        .update(sessionRegistrations)
        .set({ paidAt: null, updatedAt: now })
        .where(eq(sessionRegistrations.id, registration.id));
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'registration.desk_unpaid',
        targetType: 'registration',
        targetId: registration.id,
        before: { paidAt: registration.paidAt!.toISOString() },
        after: { paidAt: null, userId: registration.userId, sessionId: registration.sessionId },
      });
    }
    return { id: registration.id, payment: 'AT_DESK', paidAt: null };
  });
}
