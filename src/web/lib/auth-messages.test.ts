import { describe, expect, it } from 'vitest';
import { authErrorMessage } from './auth-messages';

describe('auth failures in words', () => {
  it('a refused origin says what to set on the server', () => {
    const text = authErrorMessage(
      { status: 403, code: 'INVALID_ORIGIN', message: 'Invalid origin' },
      'http://192.168.1.20:3000',
    );
    expect(text).toContain('BASE_URL=http://192.168.1.20:3000');
    expect(text).not.toContain('Invalid origin');
  });

  it('a taken email on sign-up points to sign-in and password reset', () => {
    const text = authErrorMessage({
      status: 422,
      code: 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL',
      message: 'User already exists. Use another email.',
    });
    expect(text).toMatch(/already exists/);
    expect(text).toMatch(/Sign in/);
    expect(text).toMatch(/Forgot your password/);
  });

  it('rate limits and other failures', () => {
    expect(authErrorMessage({ status: 429 })).toMatch(/wait a minute/);
    expect(
      authErrorMessage({ status: 401, code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' }),
    ).toBe('Invalid email or password');
    expect(authErrorMessage(null)).toMatch(/Something went wrong/);
  });
});
