import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './errors';
import { registerWebManifest } from './web-manifest';

export const webDistDir = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/**
 * Serves the built React app from dist/web. Unknown paths outside /api get index.html so the
 * SPA's router handles them; unknown /api paths get a JSON 404.
 */
export async function registerWebApp(app: FastifyInstance) {
  await registerWebManifest(app);
  const hasBuild = existsSync(`${webDistDir}/index.html`);
  if (hasBuild) {
    // wildcard: files are looked up per request, so a rebuild while the server runs is served too.
    await app.register(fastifyStatic, {
      root: webDistDir,
      wildcard: true,
      index: false,
      maxAge: '1h',
      // The build writes .br and .gz beside each text file (vite.config.ts): sent as they are to a
      // browser that accepts them, with `Vary: Accept-Encoding`; the plain file to one that does not.
      preCompressed: true,
      // The service worker is checked at every load: a cached copy would keep a new release away.
      setHeaders: (reply, path) => {
        if (path.endsWith('/sw.js')) reply.header('cache-control', 'no-cache');
      },
    });
    // The app's own page is never cached, so a new release is picked up at the next load.
    app.get('/', (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path === '/api' || path.startsWith('/api/')) {
      return sendError(reply, 404, 'NOT_FOUND', `No API endpoint ${request.method} ${path}`);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendError(reply, 404, 'NOT_FOUND', 'Not found');
    // A missing asset is a 404, not the app's HTML (a browser would fail to run it as a script).
    if (path.startsWith('/assets/') || /\.[a-z0-9]{1,8}$/i.test(path))
      return reply.status(404).type('text/plain').send('Not found');
    if (!hasBuild) return reply.status(503).type('text/plain').send('The web app is not built. Run `npm run build`.');
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
