import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifiedSessionToken } from '../../src/services/auth/look-up-request-session';

const SECRET = 'a-test-secret-0123456789abcdefghij';
const cookieFor = (token: string, secret = SECRET) =>
  `theme=dark; better-auth.session_token=${encodeURIComponent(`${token}.${createHmac('sha256', secret).update(token).digest('base64')}`)}`;

describe('verifiedSessionToken (remembers verified cookies)', () => {
  it('gives the token of a correctly signed cookie, again and again', () => {
    const cookie = cookieFor('token-one');
    expect(verifiedSessionToken(cookie, SECRET)).toBe('token-one');
    expect(verifiedSessionToken(cookie, SECRET)).toBe('token-one');
  });

  it('refuses an altered cookie even after the genuine one was verified', () => {
    const cookie = cookieFor('token-two');
    expect(verifiedSessionToken(cookie, SECRET)).toBe('token-two');
    expect(verifiedSessionToken(cookie.replace('token-two', 'token-TWO'), SECRET)).toBeNull();
    expect(verifiedSessionToken(cookieFor('token-two', 'another-secret-0123456789abcdefgh'), SECRET)).toBeNull();
  });

  it('does not accept a remembered cookie under another secret', () => {
    const cookie = cookieFor('token-three');
    expect(verifiedSessionToken(cookie, SECRET)).toBe('token-three');
    expect(verifiedSessionToken(cookie, 'rotated-secret-0123456789abcdefghij')).toBeNull();
  });

  it('finds nothing without a session cookie', () => {
    expect(verifiedSessionToken(undefined, SECRET)).toBeNull();
    expect(verifiedSessionToken('theme=dark', SECRET)).toBeNull();
  });
});
