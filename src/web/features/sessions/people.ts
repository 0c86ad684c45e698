import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, qs } from '../../lib/api';
import { useMe } from '../auth/use-me';
import { useSessions } from './queries';

/*
 * Who can lead a class, and which clients a coach can add by hand. There is no list of coaches
 * that coaches may read: admins pick from the admin user list; coaches are offered themselves,
 * the coaches leading classes in the coming two weeks, and any already known (a class's coach).
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
  const [range] = useState(() => ({ from: new Date(), to: new Date(Date.now() + 14 * 86_400_000) }));
  const upcoming = useSessions(range, {}, !isAdmin);
  const byId = new Map<string, Person>();
  byId.set(me.id, { id: me.id, name: me.name });
  for (const p of known) byId.set(p.id, p);
  for (const list of lists) for (const u of list.data?.users ?? []) if (u.active) byId.set(u.id, { id: u.id, name: u.name, email: u.email });
  for (const s of upcoming.data ?? []) if (!byId.has(s.coach.id)) byId.set(s.coach.id, s.coach);
  return {
    options: [...byId.values()].sort((a, b) => a.name.localeCompare(b.name)),
    isPending: isAdmin && lists.some((l) => l.isPending),
    error: lists.find((l) => l.error)?.error ?? null,
  };
}

/** A client in the studio's member list (GET /api/members, coaches and admins). */
export interface Member {
  id: string;
  name: string;
  email: string;
  active: boolean;
  plans: Array<{ planName: string; status: string }>;
  creditsThisWeek: number;
}

/** Clients matching a name or email, with their plan and credits this week. */
export function useClientSearch(query: string) {
  return useQuery({
    queryKey: ['members', 'search', query],
    queryFn: () => api.get<{ members: Member[]; total: number }>(`/api/members${qs({ query, limit: 20 })}`),
    enabled: query.trim().length >= 2,
    select: (data) => data.members.filter((m) => m.active),
  });
}
