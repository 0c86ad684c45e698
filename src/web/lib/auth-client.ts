import { createAuthClient } from 'better-auth/react';
import { authErrorMessage as describeAuthFailure, type AuthFailure } from './auth-messages';

/** better-auth's browser client; it talks to /api/auth on the same origin. */
export const authClient = createAuthClient({ baseURL: window.location.origin });

/** better-auth answers `{ error: { message, code } }`; this turns it into words for a person. */
export function authErrorMessage(error: AuthFailure | null | undefined): string {
  return describeAuthFailure(error, window.location.origin);
}
