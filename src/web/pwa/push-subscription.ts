import { useCallback, useEffect, useState } from 'react';
import { api } from '../lib/api';

/*
 * Push notifications on this device (ADR 0020): the browser's PushSubscription, saved on the
 * server for the signed-in person. Permission is asked only from a tap (turnOn), never on load.
 */

export type PushState = 'unsupported' | 'denied' | 'off' | 'on';

export function pushSupported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** The service worker's registration, if there is one (never waits for one that will not come). */
async function registration(): Promise<ServiceWorkerRegistration | undefined> {
  return pushSupported() ? navigator.serviceWorker.getRegistration() : undefined;
}

async function currentSubscription(): Promise<PushSubscription | null> {
  return (await (await registration())?.pushManager.getSubscription()) ?? null;
}

async function readState(): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  return (await currentSubscription()) ? 'on' : 'off';
}

/** The key the browser needs as applicationServerKey: base64url text to bytes. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const text = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

async function subscribe(): Promise<PushState> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission === 'denied' ? 'denied' : 'off';
  const worker = await registration();
  if (!worker) throw new Error('Notifications need the app to finish installing. Reload the page and try again.');
  const { publicKey } = await api.get('/api/push/public-key');
  const subscription =
    (await worker.pushManager.getSubscription()) ??
    (await worker.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
  const json = subscription.toJSON();
  await api.post('/api/me/push-subscriptions', {
    body: { endpoint: subscription.endpoint, keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' } },
  });
  return 'on';
}

/**
 * Stops pushes to this device: the server forgets it, then the browser drops the subscription.
 * Also run at sign-out, so the next person on this phone never gets the last one's messages.
 */
export async function unsubscribeThisDevice(): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription) return;
  await api.delete('/api/me/push-subscriptions', { body: { endpoint: subscription.endpoint } });
  await subscription.unsubscribe();
}

/** This device's push state, and the two taps that change it. */
export function usePushNotifications() {
  const [state, setState] = useState<PushState | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void readState().then(setState);
  }, []);
  const run = useCallback(async (action: () => Promise<PushState>) => {
    setBusy(true);
    try {
      setState(await action());
    } finally {
      setBusy(false);
    }
  }, []);
  return {
    state,
    busy,
    turnOn: () => run(subscribe),
    turnOff: () =>
      run(async () => {
        await unsubscribeThisDevice();
        return 'off';
      }),
  };
}
