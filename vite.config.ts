import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { compression } from 'vite-plugin-compression2';

// The SPA lives in src/web and is built into dist/web, which the Fastify server serves.
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [
    react(),
    tailwindcss(),
    // The service worker (src/web/sw.ts, ADR 0020): Workbox precaches every built file; the page
    // registers it itself (src/web/pwa/update-prompt.tsx) and asks before a new version takes over.
    // The manifest is the server's (/manifest.webmanifest, named after the studio), not the plugin's.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: '.',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,woff2}'],
        // The largest chunk (charts, staff pages) is precached too, so every page opens offline.
        maximumFileSizeToCacheInBytes: 3_000_000,
      },
    }),
    // Brotli and gzip copies of every text file, written once at build: the server sends the one
    // the browser accepts (@fastify/static preCompressed) at no CPU per request. On a phone's slow
    // network the first page's JavaScript is ~3.5x smaller on the wire.
    compression({
      algorithms: ['brotliCompress', 'gzip'],
      include: /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/,
      threshold: 1024,
      skipIfLargerOrEqual: true,
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // dist/web/.vite/manifest.json: which chunks each entry and page pulls in (read by `npm run size`).
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/manifest.webmanifest': 'http://localhost:3000' },
  },
});
