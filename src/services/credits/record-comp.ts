import type { Executor } from '../../db/client';
import { creditTransactions } from '../../db/schema';

export interface CompEntry {
  userId: string;
  /** What the client got for free, in words: "HIIT Mon 06:30", "Personal Training 45, 3 Mar". */
  description: string;
  /** Why staff let them in without credits, as typed by the person who did it. */
  reason: string;
  registrationId?: string | null;
  sessionId?: string | null;
  appointmentId?: string | null;
  actorId: string;
  now: Date;
}

/**
 * Writes the account-history line of a complimentary place: kind COMP, amount 0, no grant. It moves
 * no credit, so it needs no grant lock; call it in the transaction that creates the place, so the
 * place and its line exist together or not at all.
 */
export async function recordComp(tx: Executor, entry: CompEntry): Promise<void> {
  await tx.insert(creditTransactions).values({
    userId: entry.userId,
    grantId: null,
    kind: 'COMP',
    amount: 0,
    reasonCode: 'COMP',
    description: `${entry.description}. Reason: ${entry.reason}`,
    registrationId: entry.registrationId ?? null,
    sessionId: entry.sessionId ?? null,
    appointmentId: entry.appointmentId ?? null,
    actorId: entry.actorId,
    createdAt: entry.now,
  });
}
