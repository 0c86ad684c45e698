import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailOutbox } from '../../src/db/schema';
import { redactSecretsInUrl } from '../../src/server/logging/redact-secrets';
import { as, createUser } from '../support/test-app';
import { useAppWithLogLines } from '../support/app-with-log-lines';

/*
 * The app runs with its real logger (info level) writing into an array; whatever secret a request
 * carried — a password-reset token in the path, an OAuth code in the query, a session cookie, an
 * authorization header, a calendar feed token — must not appear in any line.
 */

const server = useAppWithLogLines();
const lines = server.lines;

describe('secrets never reach the logs', () => {
  it('redacts secret path segments and query values, and leaves the rest of the URL readable', () => {
    expect(redactSecretsInUrl('/api/auth/reset-password/AbC123?callbackURL=%2Freset-password')).toBe(
      '/api/auth/reset-password/[REDACTED]?callbackURL=%2Freset-password',
    );
    expect(redactSecretsInUrl('/api/auth/callback/google?state=s3cr3t&code=4%2F0Ab')).toBe(
      '/api/auth/callback/google?state=[REDACTED]&code=[REDACTED]',
    );
    expect(redactSecretsInUrl('/reset-password?token=abc&x=1')).toBe('/reset-password?token=[REDACTED]&x=1');
    expect(redactSecretsInUrl('/api/sessions?from=2026-03-01T00:00:00Z')).toBe(
      '/api/sessions?from=2026-03-01T00:00:00Z',
    );
  });

  it('a whole password reset leaves neither the emailed token nor the session cookie in the log', async () => {
    const user = await createUser(server.app(), 'CLIENT');
    const redirectTo = `${server.app().deps.config.baseUrl}/reset-password`;
    await server.app().inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      payload: { email: user.email, redirectTo },
    });
    const [email] = await server
      .app()
      .deps.db.select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, user.email), eq(emailOutbox.kind, 'password_reset')));
    const link = new URL(email!.textBody.match(/https?:\/\/\S+/)![0]);
    const emailedToken = link.pathname.split('/').pop()!;
    expect(emailedToken.length).toBeGreaterThan(10);

    const follow = await server.app().inject({ method: 'GET', url: link.pathname + link.search });
    expect(follow.statusCode).toBe(302);
    const token = new URL(follow.headers.location as string).searchParams.get('token')!;
    // Also a wrong token through the same path, and a feed token, for good measure.
    await server.app().inject({ method: 'GET', url: `/api/auth/reset-password/${emailedToken}x` });
    const feed = new URL((await as(server.app(), user).get('/api/me/calendar-feed')).json().url);
    await server.app().inject({ method: 'GET', url: feed.pathname + feed.search });
    await server.app().inject({
      method: 'GET',
      url: `/api/auth/callback/google?code=oauth-code-123456&state=oauth-state-98765`,
    });

    const logged = lines.join('');
    expect(logged).toContain('/api/auth/reset-password/[REDACTED]');
    for (const secret of [
      emailedToken,
      token,
      feed.searchParams.get('token')!,
      'oauth-code-123456',
      'oauth-state-98765',
    ]) {
      expect(logged).not.toContain(secret);
    }
    const sessionToken = decodeURIComponent(user.cookie.split('=')[1]!).split('.')[0]!;
    expect(logged).not.toContain(sessionToken);
  });

  it('censors cookies and authorization headers when a line carries headers', () => {
    const before = lines.length;
    server.app().log.info(
      {
        headers: {
          cookie: 'session=abc-cookie-secret',
          authorization: 'Bearer abc-bearer-secret',
          accept: 'text/html',
        },
      },
      'headers',
    );
    const line = lines.slice(before).join('');
    expect(line).toContain('text/html');
    expect(line).not.toContain('abc-cookie-secret');
    expect(line).not.toContain('abc-bearer-secret');
  });
});
