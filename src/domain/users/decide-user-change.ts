import type { Role } from '../access/roles';
import { DomainError } from '../shared/domain-error';

export interface UserChangeState {
  actorId: string;
  target: { id: string; role: Role; active: boolean };
  /** Active admins other than the target. */
  otherActiveAdmins: number;
}

export interface UserChange {
  role?: Role;
  active?: boolean;
}

/**
 * An admin changes a user's role or active state. The studio must keep at least one active
 * admin, and an admin cannot lock themselves out.
 */
export function decideUserChange(
  state: UserChangeState,
  change: UserChange,
): { role: Role; active: boolean } | DomainError {
  const next = { role: change.role ?? state.target.role, active: change.active ?? state.target.active };
  const stopsBeingActiveAdmin =
    state.target.role === 'ADMIN' && state.target.active && (next.role !== 'ADMIN' || !next.active);
  if (stopsBeingActiveAdmin && state.actorId === state.target.id) {
    return new DomainError('CANNOT_CHANGE_SELF', 'You cannot remove your own admin role or deactivate yourself');
  }
  if (stopsBeingActiveAdmin && state.otherActiveAdmins === 0) {
    return new DomainError('LAST_ADMIN', 'The studio needs at least one active admin');
  }
  return next;
}
