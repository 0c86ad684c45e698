import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, type ApiResponse } from '../../lib/api';
import { clearOfflineData } from '../../pwa/offline-state';
import { unsubscribeThisDevice } from '../../pwa/push-subscription';

export type { Role } from '../../../domain/access/roles';
export type Me = ApiResponse<'GET /api/me'>;

/** The signed-in person, or null when signed out. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await api.get('/api/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return async () => {
    // better-auth's client is loaded here rather than with every page: signed-in pages need it only now.
    // This device stops receiving the person's pushes first (a shared phone, a front-desk tablet).
    await unsubscribeThisDevice().catch(() => undefined);
    const { authClient } = await import('../../lib/auth-client');
    await authClient.signOut();
    queryClient.clear();
    await clearOfflineData();
    window.location.assign('/sign-in');
  };
}
