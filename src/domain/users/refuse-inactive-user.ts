import { DomainError } from '../shared/domain-error';

/**
 * Staff never act on behalf of a deactivated person (book, waitlist, give a plan or credits,
 * enrol, resume): their account is closed, and whatever is done for them would spend or grant
 * things nobody can use. Reactivate them first. One rule, one message, for every such action.
 */
export function refuseInactiveUser(user: { name: string; active: boolean }): DomainError | null {
  if (user.active) return null;
  return new DomainError(
    'USER_INACTIVE',
    `${user.name}'s account is deactivated. Reactivate it on their page before doing this for them.`,
  );
}
