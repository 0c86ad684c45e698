import type { Actor, Role } from './roles';

/**
 * The one place that says which roles may do what. Route declarations name a rule; services
 * ask `mayDo` for finer checks, and resource-level rules (e.g. "a coach of this cohort") live
 * beside their area's domain code and build on these.
 */
export const PERMISSIONS = {
  'settings.manage': ['ADMIN'],
  'users.manage': ['ADMIN'],
  'audit.read': ['ADMIN'],
  'outbox.read': ['ADMIN'],
  'plans.manage': ['ADMIN'],
  'memberships.manage': ['ADMIN'],
  'credits.adjust': ['ADMIN'],
  'members.read': ['COACH', 'ADMIN'],
  /** A client's profile: emergency contact, date of birth, health notes. */
  'clients.profile': ['COACH', 'ADMIN'],
  'waiver.publish': ['ADMIN'],
  'classTypes.manage': ['COACH', 'ADMIN'],
  'sessions.manage': ['COACH', 'ADMIN'],
  'cohortTypes.manage': ['ADMIN'],
  'cohorts.coach': ['COACH', 'ADMIN'],
  'cohorts.manageAll': ['ADMIN'],
  'imports.run': ['ADMIN'],
  'appointmentServices.manage': ['ADMIN'],
  'appointments.staff': ['COACH', 'ADMIN'],
  'payments.manage': ['ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function mayDo(actor: Actor | null, permission: Permission): boolean {
  return actor !== null && (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

/** What a route requires of the requester. Every `/api` route declares one. */
export type AccessRule = { kind: 'public' } | { kind: 'signedIn' } | { kind: 'permission'; permission: Permission };

export const access = {
  public: { kind: 'public' },
  signedIn: { kind: 'signedIn' },
  to: (permission: Permission): AccessRule => ({ kind: 'permission', permission }),
} as const satisfies Record<string, AccessRule | ((p: Permission) => AccessRule)>;

export type AccessDecision = 'ALLOW' | 'UNAUTHENTICATED' | 'FORBIDDEN';

export function decideAccess(actor: Actor | null, rule: AccessRule): AccessDecision {
  if (rule.kind === 'public') return 'ALLOW';
  if (!actor) return 'UNAUTHENTICATED';
  if (rule.kind === 'signedIn') return 'ALLOW';
  return mayDo(actor, rule.permission) ? 'ALLOW' : 'FORBIDDEN';
}
