import { desc, lt } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { emailOutbox } from '../../db/schema';

/** Newest first. Lets a studio without SMTP read (and pass on) what Roster would have sent. */
export async function listOutbox(db: Database, opts: { before?: Date; limit: number }) {
  const rows = await db
    .select()
    .from(emailOutbox)
    .where(opts.before ? lt(emailOutbox.createdAt, opts.before) : undefined)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  return {
    emails: page.map((e) => ({
      id: e.id,
      to: e.toAddress,
      subject: e.subject,
      text: e.textBody,
      link: e.link,
      kind: e.kind,
      status: e.status,
      createdAt: e.createdAt,
      sentAt: e.sentAt,
      lastError: e.lastError,
    })),
    nextCursor: rows.length > opts.limit ? page[page.length - 1]!.createdAt.toISOString() : null,
  };
}
