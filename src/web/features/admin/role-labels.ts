import type { Role } from '../auth/use-me';

export const ROLE_LABELS: Record<Role, string> = { CLIENT: 'Client', COACH: 'Coach', ADMIN: 'Admin' };
/** The role filter's words (not "Coachs"). */
export const ROLE_PLURALS: Record<Role, string> = { CLIENT: 'Clients', COACH: 'Coaches', ADMIN: 'Admins' };
