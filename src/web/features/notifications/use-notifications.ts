import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { api } from '../../lib/api';

export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.get('/api/me/notifications'),
    refetchInterval: 60_000,
  });
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => api.post('/api/me/notifications/read', { body: ids ? { ids } : {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

/*
 * The bell's badge counts unread notifications that arrived since the list was last opened, so
 * opening it clears the badge while each item stays unread (bold, with "Mark as read") until read.
 * The moment is kept on this device only: it decides a badge, nothing else.
 */
const SEEN_KEY = 'roster.notifications.seenAt';
const seenListeners = new Set<() => void>();
const readSeenAt = () => Number(localStorage.getItem(SEEN_KEY) ?? 0);

export function markNotificationsSeen(at: Date) {
  if (at.getTime() <= readSeenAt()) return;
  localStorage.setItem(SEEN_KEY, String(at.getTime()));
  for (const listener of seenListeners) listener();
}

export function useNotificationsSeenAt(): number {
  return useSyncExternalStore((listener) => {
    seenListeners.add(listener);
    return () => seenListeners.delete(listener);
  }, readSeenAt);
}
