import type { FastifyInstance } from 'fastify';
import { access } from '../../domain/access/policy';
import { CLIENT_IP_HEADER } from '../../services/auth/create-auth';
import { splitLeadIn, validationMessage } from './validation-message';
import { sendError } from './errors';

/**
 * Hands /api/auth/* to better-auth (sign-up, sign-in, sign-out, password change and reset,
 * social sign-in) by turning the Fastify request into a Fetch Request. The admin plugin's own
 * endpoints are not exposed: user administration goes through /api/admin/users, which audits it.
 */
export function registerAuthRoutes(app: FastifyInstance) {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    config: { access: access.public },
    schema: { hide: true },
    async handler(request, reply) {
      const url = normalisedAuthUrl(request.url, app.deps.config.baseUrl);
      if (!url) return sendError(reply, 404, 'NOT_FOUND', 'No such endpoint');
      const headers = new Headers();
      for (const [key, value] of Object.entries(request.headers)) {
        if (value === undefined || key === CLIENT_IP_HEADER) continue;
        headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      // The client IP as Fastify resolved it (honouring TRUST_PROXY) is what rate limits count.
      headers.set(CLIENT_IP_HEADER, request.ip);
      const body = request.body === undefined ? undefined : JSON.stringify(request.body);
      const response = await app.deps.auth.handler(new Request(url, { method: request.method, headers, body }));
      reply.status(response.status);
      response.headers.forEach((value, key) => {
        if (key.toLowerCase() !== 'set-cookie') reply.header(key, value);
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length) reply.header('set-cookie', cookies);
      const text = await response.text();
      if (response.status >= 400) return reply.type('application/json').send(toErrorBody(text, response.status));
      return reply.send(text.length ? text : null);
    },
  });
}

/**
 * The address better-auth will see, decided once: dot segments resolved (also `%2e%2e`), repeated
 * slashes collapsed. The decision is taken on this very URL, and this URL is what is forwarded, so
 * `/api/auth/x/../admin/list-users` cannot pass the check as one path and reach better-auth as
 * another. Percent-encoded paths are refused outright: none of Roster's auth endpoints needs one.
 * null = not an endpoint Roster exposes (outside /api/auth, or the admin plugin's own).
 */
export function normalisedAuthUrl(rawUrl: string, baseUrl: string): URL | null {
  const [rawPath = '', ...rest] = rawUrl.split('?');
  if (rawPath.includes('%') || rawPath.includes('\\')) return null;
  const url = new URL(rawPath.replace(/\/{2,}/g, '/') + (rest.length ? `?${rest.join('?')}` : ''), baseUrl);
  const path = url.pathname.toLowerCase();
  if (!path.startsWith('/api/auth/') || path.startsWith('/api/auth/admin/') || path === '/api/auth/admin') return null;
  return url;
}

/**
 * better-auth answers `{ code, message }`; Roster's clients expect `{ error: { code, message } }`.
 * Both are sent, so better-auth's own browser client keeps working too.
 */
function toErrorBody(text: string, status: number) {
  let parsed: { code?: string; message?: string } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    /* not JSON: keep the defaults */
  }
  const fallback = status === 429 ? 'RATE_LIMITED' : status === 401 ? 'UNAUTHENTICATED' : 'AUTH_ERROR';
  const message =
    status === 429
      ? 'Too many attempts. Please wait a minute and try again.'
      : (parsed.message ?? 'Authentication failed');
  const code = status === 429 ? 'RATE_LIMITED' : (parsed.code ?? fallback);
  // Roster's own refusals inside better-auth (person-name-hooks.ts) say "name: …": the field goes
  // to `fields` and the message reads like every other validation error's.
  const split = splitLeadIn(message);
  if (code === 'VALIDATION_ERROR' && split.path) {
    const fields = [{ path: split.path, message: split.message }];
    const sentence = validationMessage(fields);
    return { error: { code, message: sentence, fields }, code, message: sentence };
  }
  return { error: { code, message }, code, message };
}
