import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { isUniqueViolation } from '../../db/errors';
import { users } from '../../db/schema';
import type { Actor, Role } from '../../domain/access/roles';
import { DomainError } from '../../domain/shared/domain-error';
import { isPlaceholderEmail } from '../../domain/users/placeholder-email';
import { recordAudit } from '../audit/record-audit';
import { enqueueEmail } from '../email/enqueue-email';
import { loadSettings } from '../settings/settings-service';
import { createPasswordLink, INVITE_LINK_SECONDS, RESET_LINK_SECONDS } from './password-link';
import { loadUserSummary, type UserSummary } from './user-summary';

export interface InviteInput {
  name: string;
  email: string;
  phone: string;
  role: Role;
}

export const emailTaken = (email: string) =>
  new DomainError('EMAIL_TAKEN', `${email} already belongs to someone in Roster`, { field: 'email' });

/** An admin adds a client, coach or admin and emails them a link to choose a password (audited). */
export async function invitePerson(db: Database, actor: Actor, input: InviteInput, now: Date): Promise<UserSummary> {
  const id = randomUUID();
  try {
    await inTransaction(db, async (tx) => {
      await tx.insert(users).values({
        id,
        name: input.name,
        email: input.email,
        phone: input.phone || null,
        role: input.role,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'user.invited',
        targetType: 'user',
        targetId: id,
        after: { name: input.name, email: input.email, role: input.role },
      });
      await emailInvite(tx, { id, name: input.name, email: input.email }, now);
    });
  } catch (error) {
    // The unique index decides who gets an address, even when two admins add it at once.
    if (isUniqueViolation(error, 'user_email_unique')) throw emailTaken(input.email);
    throw error;
  }
  return loadUserSummary(db, id);
}

/** Sends the invite again (a new link; the old one keeps working until it expires). */
export async function resendInvite(db: Database, actor: Actor, userId: string, now: Date) {
  return inTransaction(db, async (tx) => {
    const person = await loadUserSummary(tx, userId);
    if (person.hasSignIn)
      throw new DomainError(
        'INVITE_NOT_NEEDED',
        `${person.name} can already sign in; send a password reset if they forgot their password`,
      );
    refuseWithoutEmail(person);
    await emailInvite(tx, person, now);
    await recordAudit(tx, { actorId: actor.id, action: 'user.invite_sent', targetType: 'user', targetId: userId });
    return { sentTo: person.email };
  });
}

/** Emails the person a link to choose a new password (audited); their password works until then. */
export async function sendPasswordReset(db: Database, actor: Actor, userId: string, now: Date) {
  return inTransaction(db, async (tx) => {
    const person = await loadUserSummary(tx, userId);
    refuseWithoutEmail(person);
    const link = await createPasswordLink(tx, userId, now, RESET_LINK_SECONDS, 'reset');
    await enqueueEmail(tx, {
      to: person.email,
      subject: 'Reset your Roster password',
      text: `Hello ${person.name},\n\nThe studio sent you a link to choose a new password for your Roster account. Open it within an hour:`,
      link,
      kind: 'password_reset',
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.password_reset_sent',
      targetType: 'user',
      targetId: userId,
    });
    return { sentTo: person.email };
  });
}

function refuseWithoutEmail(person: UserSummary) {
  if (!person.active) throw new DomainError('USER_INACTIVE', `${person.name} is deactivated; reactivate them first`);
  if (isPlaceholderEmail(person.email))
    throw new DomainError('NO_EMAIL_YET', `${person.name} has no email yet; add one under Details first`);
}

async function emailInvite(tx: Tx, person: { id: string; name: string; email: string }, now: Date) {
  const studio = (await loadSettings(tx))['studio.name'];
  const link = await createPasswordLink(tx, person.id, now, INVITE_LINK_SECONDS, 'invite');
  await enqueueEmail(tx, {
    to: person.email,
    subject: `${studio} invited you to Roster`,
    text: `Hello ${person.name},\n\n${studio} added you to Roster, where you book classes and follow your training. Choose a password within 7 days to sign in:`,
    link,
    kind: 'invite',
  });
}

/** Loads the row for an update, locked so two admins editing one person serialize. */
export async function lockPerson(tx: Tx, userId: string) {
  const [row] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!row) throw new DomainError('USER_NOT_FOUND', 'No such user');
  return row;
}
