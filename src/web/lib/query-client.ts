import { QueryClient } from '@tanstack/react-query';
import { clearOfflineData } from '../pwa/offline-state';
import { ApiError, onApiError } from './api';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // Offline, queries still ask: the service worker answers with the last known data (ADR 0020).
      networkMode: 'offlineFirst',
      refetchOnWindowFocus: true,
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
    // Offline, a change fails at once and says so, rather than waiting silently for a network.
    mutations: { networkMode: 'always' },
  },
});

// A feature switched off (or a session that ended) while the app was open: refresh what the
// shell knows, so navigation and routes follow at once.
onApiError((error) => {
  if (error.code === 'FEATURE_DISABLED') void queryClient.invalidateQueries({ queryKey: ['settings', 'public'] });
  if (error.status === 401) {
    void clearOfflineData();
    void queryClient.invalidateQueries({ queryKey: ['me'] });
  }
});
