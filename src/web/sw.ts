/**
 * Roster's service worker (built by vite-plugin-pwa, strategy injectManifest; ADR 0020).
 * - The app shell (every built file) is precached, so the app opens with no network.
 * - A client's own schedule and membership data, and what the shell needs to draw itself, are
 *   NetworkFirst: always fresh when online; offline the last answer is served, marked with the
 *   time it was fetched so the page can say "Offline — last updated 08:12".
 * - A new version waits until the person taps "Reload" (the page posts SKIP_WAITING).
 * - Web Push: shows what the server sent and opens its link on a tap.
 */
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { API_CACHE, CACHED_AT_HEADER, isOfflineReadable } from './pwa/offline-rules';

// The worker's own types (ServiceWorkerGlobalScope, PushEvent…) are not in the DOM library the
// rest of the app compiles against: the few members used here, described once.
interface WaitUntil {
  waitUntil(promise: Promise<unknown>): void;
}
interface PushEventLike extends WaitUntil {
  data: { json(): unknown } | null;
}
interface NotificationEventLike extends WaitUntil {
  notification: Notification;
}
interface WorkerScope {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
  registration: ServiceWorkerRegistration;
  clients: {
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClientLike[]>;
    openWindow(url: string): Promise<unknown>;
  };
  location: Location;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'push', listener: (event: PushEventLike) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationEventLike) => void): void;
}
interface WindowClientLike {
  url: string;
  focus(): Promise<unknown>;
  navigate(url: string): Promise<unknown>;
}
declare const self: WorkerScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first install takes the open page at once, so its very first visit already fills the offline cache.
clientsClaim();
// Any page of the SPA opens from the precached index.html; /api and files are never answered with it.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//, /\.[a-z0-9]+$/i] }));

registerRoute(
  ({ url, request }) =>
    request.method === 'GET' && url.origin === self.location.origin && isOfflineReadable(url.pathname),
  new NetworkFirst({
    cacheName: API_CACHE,
    // A phone on a bad connection waits 6 s for the network, then shows what it knows.
    networkTimeoutSeconds: 6,
    plugins: [
      new CacheableResponsePlugin({ statuses: [200] }),
      {
        // Used only when the network failed: say when this answer was fetched (its Date header).
        cachedResponseWillBeUsed: async ({ cachedResponse }) => {
          if (!cachedResponse) return null;
          const headers = new Headers(cachedResponse.headers);
          headers.set(CACHED_AT_HEADER, cachedResponse.headers.get('date') ?? new Date(0).toUTCString());
          return new Response(await cachedResponse.blob(), { status: cachedResponse.status, headers });
        },
      },
    ],
  }),
);

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

/** What the server's push job sends (src/services/push/push-payload.ts). */
interface PushPayload {
  title: string;
  body: string;
  link: string | null;
  tag: string;
}

self.addEventListener('push', (event) => {
  const payload = event.data?.json() as PushPayload | undefined;
  if (!payload) return;
  event.waitUntil(
    self.registration.showNotification(payload.title, {
      body: payload.body,
      tag: payload.tag,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      data: { link: payload.link ?? '/notifications' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const link = (event.notification.data as { link?: string } | null)?.link ?? '/';
  const target = new URL(link, self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (windows) => {
      const open = windows[0];
      if (!open) return self.clients.openWindow(target);
      await open.navigate(target);
      return open.focus();
    }),
  );
});
