import { useSyncExternalStore } from 'react';
import { API_CACHE } from './offline-rules';

/**
 * Whether what the page shows came from the service worker's cache (the network failed), and
 * from when. Set by the api client on every answer; read by the offline banner.
 */
let cachedAt: Date | null = null;
const listeners = new Set<() => void>();

export function reportAnswer(cachedAtHeader: string | null) {
  const next = cachedAtHeader ? new Date(cachedAtHeader) : null;
  // Several cached answers: the page is as old as the oldest of them.
  if (next && cachedAt && next > cachedAt) return;
  if (next?.getTime() === cachedAt?.getTime()) return;
  cachedAt = next && !Number.isNaN(next.getTime()) ? next : null;
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** `null` while online and fresh; otherwise when the data on screen was last fetched (if known). */
export function useOfflineSince(): { offline: boolean; lastUpdated: Date | null } | null {
  const offline = useSyncExternalStore(subscribe, () => !navigator.onLine);
  const since = useSyncExternalStore(subscribe, () => cachedAt);
  if (!offline && !since) return null;
  return { offline: true, lastUpdated: since };
}

/**
 * Forgets every API answer kept for offline use: at sign-out and when the session is gone, so the
 * next person on this phone never sees the last one's schedule, not even offline.
 */
export async function clearOfflineData() {
  cachedAt = null;
  if ('caches' in window) await caches.delete(API_CACHE);
}
