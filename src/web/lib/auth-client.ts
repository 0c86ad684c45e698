import { createAuthClient } from 'better-auth/react';

/** better-auth's browser client; it talks to /api/auth on the same origin. */
export const authClient = createAuthClient({ baseURL: window.location.origin });

/** better-auth answers `{ error: { message, code } }`; this turns it into words for a person. */
export function authErrorMessage(
  error: { message?: string; code?: string; status?: number } | null | undefined,
): string {
  if (!error) return 'Something went wrong. Please try again.';
  if (error.status === 429) return 'Too many attempts. Please wait a minute and try again.';
  return error.message ?? 'Something went wrong. Please try again.';
}
