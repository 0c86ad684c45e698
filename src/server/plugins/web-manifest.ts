import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { loadSettings } from '../../services/settings/settings-service';

/** The theme colour: brand-700, as in index.html's theme-color. */
const THEME_COLOUR = '#0f766e';
/** The icons (drawn by scripts/make-icons.ts), served from the source folder so they exist without a build. */
const iconsDir = fileURLToPath(new URL('../../web/public/icons', import.meta.url));

/** What a home screen shows under the icon: about 12 characters fit. */
export function shortNameOf(studioName: string): string {
  if (studioName.length <= 12) return studioName;
  const firstWord = studioName.split(/\s+/)[0] ?? '';
  return firstWord.length >= 3 && firstWord.length <= 12 ? firstWord : `${studioName.slice(0, 11).trimEnd()}…`;
}

/**
 * The web app manifest (installing Roster on a phone's home screen), named after the studio as set
 * in its settings. It lives at /manifest.webmanifest, outside /api and so outside the access rules,
 * the OpenAPI docs and the contract route table: it is a file for the browser (fetched without
 * credentials from <link rel="manifest">, typed application/manifest+json), public like the page
 * that links it, not an endpoint of the API. Not cached, so a renamed studio shows at the next load.
 */
export async function registerWebManifest(app: FastifyInstance) {
  await app.register(fastifyStatic, { root: iconsDir, prefix: '/icons/', decorateReply: false, maxAge: '1d' });

  app.get('/manifest.webmanifest', async (_request, reply) => {
    const settings = await loadSettings(app.deps.db);
    const name = settings['studio.name'];
    return reply
      .type('application/manifest+json')
      .header('cache-control', 'no-cache')
      .send({
        id: '/',
        name,
        short_name: shortNameOf(name),
        description: `Classes, bookings and coaching at ${name}.`,
        lang: 'en-GB',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: THEME_COLOUR,
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      });
  });
}
