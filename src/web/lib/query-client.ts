import { QueryClient } from '@tanstack/react-query';
import { ApiError, onApiError } from './api';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: true,
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

// A feature switched off (or a session that ended) while the app was open: refresh what the
// shell knows, so navigation and routes follow at once.
onApiError((error) => {
  if (error.code === 'FEATURE_DISABLED') void queryClient.invalidateQueries({ queryKey: ['settings', 'public'] });
  if (error.status === 401) void queryClient.invalidateQueries({ queryKey: ['me'] });
});
