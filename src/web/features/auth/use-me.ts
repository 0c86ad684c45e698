import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../lib/api';
import { authClient } from '../../lib/auth-client';

export type Role = 'CLIENT' | 'COACH' | 'ADMIN';
export interface Me {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** The signed-in person, or null when signed out. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await api.get<Me>('/api/me');
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
    await authClient.signOut();
    queryClient.clear();
    window.location.assign('/sign-in');
  };
}
