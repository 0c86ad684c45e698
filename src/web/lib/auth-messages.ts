/** What the sign-in, sign-up and password pages say when better-auth refuses, in words for a person. */

export interface AuthFailure {
  message?: string;
  code?: string;
  status?: number;
}

/**
 * `origin` is the address the page was opened at (window.location.origin). When better-auth
 * refuses it (INVALID_ORIGIN), the person trying Roster out is told what to set on the server,
 * instead of a generic failure they cannot act on.
 */
export function authErrorMessage(error: AuthFailure | null | undefined, origin?: string): string {
  if (!error) return 'Something went wrong. Please try again.';
  if (error.status === 429) return 'Too many attempts. Please wait a minute and try again.';
  if (error.code === 'INVALID_ORIGIN' || error.code === 'INVALID_CALLBACKURL')
    return `This server does not accept sign-ins from ${origin ?? 'this address'}. Open Roster at the address it was set up with, or ask whoever runs it to set BASE_URL${origin ? `=${origin}` : ''} and restart it.`;
  // Sign-up says that an email is taken (see docs/decisions/0014): the person learns what to do next.
  if (error.code?.startsWith('USER_ALREADY_EXISTS'))
    return 'An account with this email already exists. Sign in instead, or use “Forgot your password?” on the sign-in page to choose a new one.';
  return error.message ?? 'Something went wrong. Please try again.';
}
