import { useRegisterSW } from 'virtual:pwa-register/react';
import { Button } from '../components/ui/button';

/** How often an open app asks the server whether a new version was deployed. */
const CHECK_EVERY_MS = 30 * 60_000;

/**
 * Registers the service worker and, when a new deployment is waiting, offers "Reload". The new
 * version takes over only on that tap (registerType 'prompt'), so a half-filled form is never
 * reloaded from under someone; index.html and sw.js are served no-cache, so the check always
 * sees the newest release (no stale-cache trap).
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (registration) setInterval(() => void registration.update(), CHECK_EVERY_MS);
    },
  });
  // workbox-window reloads on its own only when this page already had a worker when it opened; on a
  // first visit that stays open past a deployment it would not, and the tap would do nothing.
  const takeNewVersion = () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    void updateServiceWorker(true);
  };
  if (!needRefresh) return null;
  return (
    <div
      role="alert"
      className="fixed inset-x-3 bottom-20 z-50 mx-auto flex max-w-md items-center justify-between gap-3 rounded-xl bg-slate-900 px-4 py-3 text-sm text-white shadow-lg md:bottom-6"
    >
      <span>New version available</span>
      <div className="flex gap-2">
        <Button variant="secondary" onClick={() => setNeedRefresh(false)}>
          Later
        </Button>
        <Button onClick={takeNewVersion}>Reload</Button>
      </div>
    </div>
  );
}
