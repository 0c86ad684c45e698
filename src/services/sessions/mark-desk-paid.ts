import { eq } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { sessionRegistrations } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { decideDeskPaid } from '../../domain/sessions/decide-desk-booking';
import { DomainError } from '../../domain/shared/domain-error';
import { recordAudit } from '../audit/record-audit';

/** The booking row, locked: paid and unpaid clicks on one place take turns. */
export async function lockDeskRegistration(tx: Tx, registrationId: string) {
  const [registration] = await tx
    .select({
      id: sessionRegistrations.id,
      payment: sessionRegistrations.payment,
      paidAt: sessionRegistrations.paidAt,
      status: sessionRegistrations.status,
      userId: sessionRegistrations.userId,
      sessionId: sessionRegistrations.sessionId,
    })
    .from(sessionRegistrations)
    .where(eq(sessionRegistrations.id, registrationId))
    .for('update');
  if (!registration) throw new DomainError('REGISTRATION_NOT_FOUND', 'No such booking');
  return registration;
}

/**
 * Staff record that a client paid at the desk. The registration row is locked so two staff
 * clicking at once record (and audit) one payment; a second click answers with the first.
 */
export async function markDeskPaid(
  db: Database,
  actor: Actor,
  registrationId: string,
  now: Date,
): Promise<{ id: string; payment: 'AT_DESK'; paidAt: Date }> {
  return inTransaction(db, async (tx) => {
    const registration = await lockDeskRegistration(tx, registrationId);
    const decision = decideDeskPaid(registration);
    if (decision instanceof DomainError) throw decision;
    if (decision.kind === 'ALREADY_PAID')
      return { id: registration.id, payment: 'AT_DESK', paidAt: registration.paidAt! };
    await tx
      .update(sessionRegistrations)
      .set({ paidAt: now, updatedAt: now })
      .where(eq(sessionRegistrations.id, registration.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'registration.desk_paid',
      targetType: 'registration',
      targetId: registration.id,
      before: { paidAt: null },
      after: { paidAt: now.toISOString(), userId: registration.userId, sessionId: registration.sessionId },
    });
    return { id: registration.id, payment: 'AT_DESK', paidAt: now };
  });
}
