import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { decideUserChange } from './decide-user-change';

const admin = { id: 'a', role: 'ADMIN' as const, active: true };

describe('decideUserChange', () => {
  it('changes a client into a coach', () => {
    const result = decideUserChange(
      { actorId: 'a', target: { id: 'c', role: 'CLIENT', active: true }, otherActiveAdmins: 0 },
      { role: 'COACH' },
    );
    expect(result).toEqual({ role: 'COACH', active: true });
  });

  it('refuses to demote or deactivate the last active admin', () => {
    const result = decideUserChange({ actorId: 'x', target: admin, otherActiveAdmins: 0 }, { active: false });
    expect(result).toBeInstanceOf(DomainError);
    expect((result as DomainError).code).toBe('LAST_ADMIN');
  });

  it('refuses an admin removing their own admin role', () => {
    const result = decideUserChange({ actorId: 'a', target: admin, otherActiveAdmins: 3 }, { role: 'CLIENT' });
    expect((result as DomainError).code).toBe('CANNOT_CHANGE_SELF');
  });

  it('lets one admin demote another when others remain', () => {
    expect(decideUserChange({ actorId: 'x', target: admin, otherActiveAdmins: 1 }, { role: 'COACH' })).toEqual({
      role: 'COACH',
      active: true,
    });
  });
});
