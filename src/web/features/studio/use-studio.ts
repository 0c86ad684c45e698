import { useQuery } from '@tanstack/react-query';
import type { Feature } from '../../../domain/settings/setting-definitions';
import { api, type ApiResponse } from '../../lib/api';

export type { Feature } from '../../../domain/settings/setting-definitions';
export type PublicSettings = ApiResponse<'GET /api/settings/public'>;

/**
 * Studio name, time zone and feature flags. Refetched every 30 s and on window focus so an
 * admin's change reaches every open app without a reload.
 */
export function usePublicSettings() {
  return useQuery({
    queryKey: ['settings', 'public'],
    queryFn: () => api.get('/api/settings/public'),
    refetchInterval: 30_000,
    staleTime: 10_000,
  });
}

/** The studio settings once loaded (the shell waits for them before rendering pages). */
export function useStudio(): PublicSettings['studio'] {
  const { data } = usePublicSettings();
  return data?.studio ?? { name: 'Roster', timezone: 'Europe/London', currency: 'GBP', weekStartsOn: 'Monday' };
}

export function useFeatureEnabled(feature: Feature | undefined): boolean {
  const { data } = usePublicSettings();
  if (!feature) return true;
  return data?.features[feature] ?? false;
}
