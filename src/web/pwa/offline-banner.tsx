import { format } from 'date-fns';
import { WifiOff } from 'lucide-react';
import { useOfflineSince } from './offline-state';

/**
 * "Offline — last updated 08:12": shown while the network is gone or the page shows answers the
 * service worker kept. The time is the phone's own clock, as the person reads it.
 */
export function OfflineBanner() {
  const state = useOfflineSince();
  if (!state) return null;
  return (
    <div
      role="status"
      className="mb-4 flex items-center gap-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      <WifiOff className="size-4 shrink-0" aria-hidden />
      <span>
        Offline{state.lastUpdated ? ` — last updated ${format(state.lastUpdated, 'HH:mm')}` : ''}. Changes need a
        connection.
      </span>
    </div>
  );
}
