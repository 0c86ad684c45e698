import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './errors';

export const webDistDir = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/**
 * Serves the built React app from dist/web. Unknown paths outside /api get index.html so the
 * SPA's router handles them; unknown /api paths get a JSON 404.
 */
export async function registerWebApp(app: FastifyInstance) {
  const hasBuild = existsSync(`${webDistDir}/index.html`);
  if (hasBuild) {
    await app.register(fastifyStatic, { root: webDistDir, wildcard: false, index: false, maxAge: '1h', immutable: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path === '/api' || path.startsWith('/api/')) {
      return sendError(reply, 404, 'NOT_FOUND', `No API endpoint ${request.method} ${path}`);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendError(reply, 404, 'NOT_FOUND', 'Not found');
    if (!hasBuild) return reply.status(503).type('text/plain').send('The web app is not built. Run `npm run build`.');
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
