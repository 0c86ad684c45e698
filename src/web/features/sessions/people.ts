import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

/*
 * Who can lead a class (GET /api/staff: active coaches and admins, readable by both), and which
 * clients a coach can add by hand.
 */

export interface Person {
  id: string;
  name: string;
  email?: string;
}

/** Active coaches and admins, by name. */
export function useStaff() {
  return useQuery({
    queryKey: ['staff'],
    queryFn: () => api.get('/api/staff'),
    select: (data) => [...data.staff].sort((a, b) => a.name.localeCompare(b.name)),
    staleTime: 60_000,
  });
}

/**
 * The coach picker's choices: active coaches and admins, plus anyone in `known` who is no longer
 * on that list (a class's current coach stays selectable while the class is edited).
 */
export function useCoachOptions(known: Person[] = []): { options: Person[]; isPending: boolean; error: unknown } {
  const staff = useStaff();
  const byId = new Map<string, Person>();
  for (const p of known) byId.set(p.id, p);
  for (const s of staff.data ?? []) byId.set(s.id, { id: s.id, name: s.name });
  return {
    options: [...byId.values()].sort((a, b) => a.name.localeCompare(b.name)),
    isPending: staff.isPending,
    error: staff.error ?? null,
  };
}

/** Clients matching a name or email, with their plan and credits this week. */
export function useClientSearch(query: string) {
  return useQuery({
    queryKey: ['members', 'search', query],
    queryFn: () => api.get('/api/members', { query: { query, limit: 20 } }),
    enabled: query.trim().length >= 2,
    select: (data) => data.members.filter((m) => m.active),
  });
}
