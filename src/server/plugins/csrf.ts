import type { FastifyInstance } from 'fastify';
import { sendError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for Roster's own API (better-auth guards /api/auth itself). Session cookies are
 * SameSite=Lax, so browsers do not send them on cross-site POSTs; on top of that a mutation
 * whose Origin (or Sec-Fetch-Site) shows another site is refused, and bodies must be JSON,
 * which a cross-site HTML form cannot send.
 */
export function registerCsrfProtection(app: FastifyInstance, trustedOrigins: string[]) {
  const trusted = new Set(trustedOrigins.map((o) => new URL(o).origin));
  app.addHook('onRequest', async (request, reply) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/') || request.url.startsWith('/api/auth/'))
      return;
    if (request.headers['sec-fetch-site'] === 'cross-site') {
      return sendError(reply, 403, 'CSRF_REJECTED', 'Cross-site requests are not allowed');
    }
    const origin = request.headers.origin;
    // `Origin: null` comes from sandboxed frames, data: pages and some redirects: never our own page.
    if (origin === 'null') return sendError(reply, 403, 'CSRF_REJECTED', 'Cross-site requests are not allowed');
    if (origin) {
      const host = request.headers.host;
      const sameHost = host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
      if (!sameHost && !trusted.has(origin)) {
        return sendError(reply, 403, 'CSRF_REJECTED', 'Cross-site requests are not allowed');
      }
    }
  });
}
