import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';

let http: TestApp;
let https: TestApp;
beforeAll(async () => {
  http = await createTestApp();
  https = await createTestApp({ config: { baseUrl: 'https://studio.example' } });
});
afterAll(async () => {
  await http.close();
  await https.close();
});

const get = (t: TestApp, url: string) => t.app.inject({ method: 'GET', url });

describe('security headers', () => {
  it.each(['/api/health', '/api/docs', '/api/docs/static/index.html', '/api/me', '/'])('on %s', async (url) => {
    const r = await get(http, url);
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('same-origin');
    expect(r.headers['x-frame-options']).toBe('DENY');
  });

  it('HSTS and upgrade-insecure-requests only when BASE_URL is https', async () => {
    const plain = await get(http, '/api/health');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(String(plain.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    const secure = await get(https, '/api/health');
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(String(secure.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });

  it("helmet's other defaults are all there, on an unknown API path and on a 404 asset too", async () => {
    for (const url of ['/api/no-such-endpoint', '/assets/missing.js']) {
      const r = await get(http, url);
      expect(r.statusCode).toBe(404);
      expect(r.headers).toMatchObject({
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'origin-agent-cluster': '?1',
        'x-dns-prefetch-control': 'off',
        'x-download-options': 'noopen',
        'x-permitted-cross-domain-policies': 'none',
        'x-xss-protection': '0',
        'x-frame-options': 'DENY',
      });
    }
  });

  it('a request refused by the CSRF check carries them too', async () => {
    const r = await http.app.inject({
      method: 'POST',
      url: '/api/me/notifications/read',
      headers: { origin: 'null' },
      payload: {},
    });
    expect(r.statusCode).toBe(403);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });
});
