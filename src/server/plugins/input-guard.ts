import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/shared/domain-error';

/**
 * Refuses a NUL character anywhere in a request — body, query string or path, keys and values,
 * better-auth's routes included — before any schema or service sees it. PostgreSQL cannot store
 * NUL in text (22021), and a driver error must never be how bad input is found. One guard here
 * instead of a rule on every string field of every schema.
 */
const MAX_DEPTH = 32;

function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    const at = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return path || 'body';
    const found = findNul(child, at, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const where =
      findNul(request.params, 'params') ??
      findNul(request.query, 'querystring') ??
      (request.url.includes('%00') ? 'url' : null) ??
      findNul(request.body, '');
    if (where === null) return;
    const field = where.replace(/^(params|querystring)\./, '$1.') || 'body';
    throw new DomainError('VALIDATION_ERROR', `${field}: Remove the NUL character (\\u0000); it cannot be stored`, {
      field,
    });
  });
}
