import { randomBytes, randomUUID } from 'node:crypto';
import { addSeconds } from 'date-fns';
import type { Executor } from '../../db/client';
import { verifications } from '../../db/schema';

/** An invite link stays usable for a week; a reset link for an hour (better-auth's own setting). */
export const INVITE_LINK_SECONDS = 7 * 24 * 60 * 60;
export const RESET_LINK_SECONDS = 60 * 60;

/**
 * A one-time link to choose a password, written as better-auth's own reset token (a
 * `reset-password:<token>` verification row holding the user id, ADR 0021) inside the caller's
 * transaction, so the person, the audit entry and the email commit together. better-auth's
 * /reset-password consumes it, and creates the password account when the person had none.
 * Returns the app path of the page that asks for the password.
 */
export async function createPasswordLink(
  tx: Executor,
  userId: string,
  now: Date,
  seconds: number,
  purpose: 'invite' | 'reset',
): Promise<string> {
  const token = randomBytes(18).toString('base64url');
  await tx.insert(verifications).values({
    id: randomUUID(),
    identifier: `reset-password:${token}`,
    value: userId,
    expiresAt: addSeconds(now, seconds),
    createdAt: now,
    updatedAt: now,
  });
  return `/reset-password?token=${token}${purpose === 'invite' ? '&invite=1' : ''}`;
}
