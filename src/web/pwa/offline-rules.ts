/** Shared by the service worker and the page: what is readable offline, and how it is marked. */

/** The Cache Storage name of the API answers kept for offline use; emptied on sign-out. */
export const API_CACHE = 'roster-api';

/** Set by the service worker on an answer served from its cache (the network failed): when it was fetched. */
export const CACHED_AT_HEADER = 'x-roster-cached-at';

/**
 * The GET answers kept for offline use: what the shell needs to draw itself (who is signed in,
 * the studio, the bell) and a client's own schedule and membership. Never /api/auth, never staff
 * pages, never another person's data.
 */
const OFFLINE_READABLE = [
  '/api/me',
  '/api/settings/public',
  '/api/me/notifications',
  '/api/me/registrations',
  '/api/me/session-preferences',
  '/api/me/calendar-feed',
  '/api/me/membership',
  '/api/me/credits',
  '/api/me/credit-transactions',
];

export function isOfflineReadable(pathname: string): boolean {
  return OFFLINE_READABLE.includes(pathname);
}
