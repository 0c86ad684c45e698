import { useQueries, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api';
import { useMe } from '../auth/use-me';

/*
 * Who can lead a class, and which clients a coach can add by hand. The sessions API has no
 * people list of its own; admins read the admin user list. Coaches cannot read that list, so
 * they are offered themselves and the coaches they already see on the schedule (see report).
 */

export interface Person {
  id: string;
  name: string;
  email?: string;
}

interface AdminUserList {
  users: Array<{ id: string; name: string; email: string; active: boolean }>;
  total: number;
}

/** Active coaches and admins, by name. `known` adds people already seen (e.g. a class's coach). */
export function useCoachOptions(known: Person[] = []): { options: Person[]; isPending: boolean; error: unknown } {
  const me = useMe().data!;
  const isAdmin = me.role === 'ADMIN';
  const lists = useQueries({
    queries: (['COACH', 'ADMIN'] as const).map((role) => ({
      queryKey: ['admin', 'users', 'staff', role],
      queryFn: () => api.get<AdminUserList>(`/api/admin/users${qs({ role, limit: 100 })}`),
      enabled: isAdmin,
      staleTime: 60_000,
    })),
  });
  const byId = new Map<string, Person>();
  byId.set(me.id, { id: me.id, name: me.name });
  for (const p of known) byId.set(p.id, p);
  for (const list of lists) for (const u of list.data?.users ?? []) if (u.active) byId.set(u.id, { id: u.id, name: u.name, email: u.email });
  return {
    options: [...byId.values()].sort((a, b) => a.name.localeCompare(b.name)),
    isPending: isAdmin && lists.some((l) => l.isPending),
    error: lists.find((l) => l.error)?.error ?? null,
  };
}

/** Whether this person can search the studio's clients (admins: the admin user list). */
export function useCanSearchClients(): boolean {
  return useMe().data?.role === 'ADMIN';
}

/** Clients matching a name or email (admins only, see above). */
export function useClientSearch(query: string) {
  const allowed = useCanSearchClients();
  return useQuery({
    queryKey: ['admin', 'users', 'clients', query],
    queryFn: () => api.get<AdminUserList>(`/api/admin/users${qs({ role: 'CLIENT', query, limit: 20 })}`),
    enabled: allowed && query.trim().length >= 2,
    select: (data) => data.users.filter((u) => u.active),
  });
}
