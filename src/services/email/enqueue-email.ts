import type { Executor } from '../../db/client';
import { emailOutbox } from '../../db/schema';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** A path inside the app; the email shows it as a full address (BASE_URL + path). */
  link?: string;
  kind: string; // e.g. 'password_reset', 'waitlist_promoted'
  /** Same key twice = one email (retries, concurrent job runs). */
  dedupeKey?: string;
}

/** Writes the email to the outbox; the outbox job delivers it when SMTP is configured. */
export async function enqueueEmail(tx: Executor, email: OutgoingEmail): Promise<void> {
  await tx
    .insert(emailOutbox)
    .values({
      toAddress: email.to,
      subject: email.subject,
      textBody: email.text,
      link: email.link ?? null,
      kind: email.kind,
      dedupeKey: email.dedupeKey,
    })
    .onConflictDoNothing();
}
