import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { emailOutbox } from '../db/schema';

export interface MailTransport {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

const BATCH_SIZE = 20;
const MAX_ATTEMPTS = 5;
const STALE_CLAIM_MS = 10 * 60 * 1000;

/**
 * Sends pending outbox emails. Safe with many instances: each claims rows with
 * `FOR UPDATE SKIP LOCKED` (two instances never claim the same email), sends outside the
 * transaction, then records the result. A claim left by a crashed instance is retried after
 * ten minutes.
 */
export async function deliverEmailOutbox(
  db: Database,
  transport: MailTransport,
  now: Date,
  baseUrl: string,
): Promise<{ sent: number; failed: number }> {
  const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS);
  const claimable = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      or(
        eq(emailOutbox.status, 'PENDING'),
        and(eq(emailOutbox.status, 'SENDING'), lt(emailOutbox.claimedAt, staleBefore)),
      ),
    )
    .orderBy(emailOutbox.createdAt)
    .limit(BATCH_SIZE)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(emailOutbox)
    .set({ status: 'SENDING', claimedAt: now, attempts: sql`${emailOutbox.attempts} + 1` })
    .where(inArray(emailOutbox.id, claimable))
    .returning();
  let sent = 0;
  let failed = 0;
  for (const email of claimed) {
    try {
      await transport.send({
        to: email.toAddress,
        subject: email.subject,
        text: emailText(email.textBody, email.link, baseUrl),
      });
      await db
        .update(emailOutbox)
        .set({ status: 'SENT', sentAt: new Date(), lastError: null })
        .where(eq(emailOutbox.id, email.id));
      sent++;
    } catch (error) {
      const giveUp = email.attempts >= MAX_ATTEMPTS;
      await db
        .update(emailOutbox)
        .set({
          status: giveUp ? 'FAILED' : 'PENDING',
          lastError: String((error as Error).message ?? error).slice(0, 500),
        })
        .where(eq(emailOutbox.id, email.id));
      failed++;
    }
  }
  return { sent, failed };
}

/** The body as sent: the text, then the app link (if any) as a full address. */
export function emailText(text: string, link: string | null, baseUrl: string): string {
  return link ? `${text}\n\n${new URL(link, baseUrl).toString()}` : text;
}
