import { describe, expect, it } from 'vitest';
import { redactSecretsInUrl } from '../../src/server/logging/redact-secrets';
import { as, createUser } from '../support/test-app';
import { useAppWithLogLines } from '../support/app-with-log-lines';

/*
 * The calendar feed's address carries its secret token in the query string: whoever reads the
 * server's request logs must not find it there. The app is built with its real logger (info
 * level) writing into an array, and every line is checked.
 */

const server = useAppWithLogLines();
const lines = server.lines;

describe('request logs and the calendar feed token', () => {
  it('redact token= values and nothing else', () => {
    expect(redactSecretsInUrl('/api/me/calendar.ics?token=abc123')).toBe('/api/me/calendar.ics?token=[REDACTED]');
    expect(redactSecretsInUrl('/x?a=1&token=abc&b=2')).toBe('/x?a=1&token=[REDACTED]&b=2');
    expect(redactSecretsInUrl('/x?TOKEN=abc#top')).toBe('/x?TOKEN=[REDACTED]#top');
    expect(redactSecretsInUrl('/api/sessions?from=2026-03-01T00:00:00Z')).toBe(
      '/api/sessions?from=2026-03-01T00:00:00Z',
    );
  });

  it('never write the feed token, for a working feed, a wrong token or an unknown address', async () => {
    const client = await createUser(server.app(), 'CLIENT');
    const feed = new URL((await as(server.app(), client).get('/api/me/calendar-feed')).json().url);
    const token = feed.searchParams.get('token')!;
    expect(token.length).toBeGreaterThan(10);

    const ok = await server.app().inject({ method: 'GET', url: `${feed.pathname}${feed.search}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('BEGIN:VCALENDAR');
    expect((await server.app().inject({ method: 'GET', url: `${feed.pathname}?token=${token}x` })).statusCode).toBe(
      404,
    );
    expect(
      (await server.app().inject({ method: 'GET', url: `/api/me/calendar.ics/nope?token=${token}` })).statusCode,
    ).toBe(404);

    const logged = lines.join('');
    // The requests were logged (so the check below looks at real lines), with the token replaced.
    expect(lines.filter((l) => l.includes('/api/me/calendar.ics?token=[REDACTED]')).length).toBeGreaterThanOrEqual(2);
    expect(logged).toContain('/api/me/calendar.ics/nope?token=[REDACTED]');
    expect(logged).not.toContain(token);
  });
});
