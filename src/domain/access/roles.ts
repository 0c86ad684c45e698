export const ROLES = ['CLIENT', 'COACH', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The person making a request, as every rule sees them. */
export interface Actor {
  id: string;
  role: Role;
}

export const isStaff = (actor: Actor): boolean => actor.role === 'COACH' || actor.role === 'ADMIN';
