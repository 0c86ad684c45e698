import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../lib/api';
import type { Credits, LedgerPage, Member, Membership, Plan, PlanInput } from './types';

/*
 * Data hooks of the memberships-and-credits area. `['me', 'credits']` is shared with the
 * sessions area, so a booking refreshes the client's credits here too.
 */
export const membershipKeys = {
  plans: ['plans'] as const,
  myMemberships: ['me', 'membership'] as const,
  myCredits: ['me', 'credits'] as const,
  myLedger: ['me', 'credit-transactions'] as const,
  user: (userId: string) => ['admin', 'user-credits', userId] as const,
  members: (query: string, offset: number) => ['members', query, offset] as const,
};

export const usePlans = () =>
  useQuery({
    queryKey: membershipKeys.plans,
    queryFn: async () => (await api.get<{ plans: Plan[] }>('/api/plans')).plans,
  });

export const useMyMemberships = () =>
  useQuery({
    queryKey: membershipKeys.myMemberships,
    queryFn: async () => (await api.get<{ memberships: Membership[] }>('/api/me/membership')).memberships,
  });

export const useMyCredits = () =>
  useQuery({ queryKey: membershipKeys.myCredits, queryFn: () => api.get<Credits>('/api/me/credits') });

/** A ledger, newest first, a page at a time ("Show more"). */
export function useLedger(url: string, queryKey: readonly unknown[]) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => api.get<LedgerPage>(`${url}${qs({ cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const useUserMemberships = (userId: string) =>
  useQuery({
    queryKey: [...membershipKeys.user(userId), 'memberships'],
    queryFn: async () =>
      (await api.get<{ memberships: Membership[] }>(`/api/admin/users/${userId}/memberships`)).memberships,
  });

export const useUserCredits = (userId: string) =>
  useQuery({
    queryKey: [...membershipKeys.user(userId), 'credits'],
    queryFn: () => api.get<Credits>(`/api/admin/users/${userId}/credits`),
  });

export const useMembers = (query: string, offset: number) =>
  useQuery({
    queryKey: membershipKeys.members(query, offset),
    queryFn: () => api.get<{ members: Member[]; total: number }>(`/api/members${qs({ query, offset, limit: 50 })}`),
    placeholderData: keepPreviousData,
  });

export function useSavePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; values: Partial<PlanInput> }) =>
      input.id
        ? api.patch<Plan>(`/api/admin/plans/${input.id}`, input.values)
        : api.post<Plan>('/api/admin/plans', input.values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membershipKeys.plans }),
  });
}

/** Anything an admin does to a user's membership or credits refreshes that user's page and the lists. */
function useUserMutation<TInput, TResult>(userId: string, fn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: membershipKeys.user(userId) }),
        queryClient.invalidateQueries({ queryKey: ['members'] }),
        queryClient.invalidateQueries({ queryKey: membershipKeys.plans }),
      ]);
    },
  });
}

export const useAssignMembership = (userId: string) =>
  useUserMutation(userId, (input: { planId: string; startDate: string; paymentReference?: string }) =>
    api.post<Membership>(`/api/admin/users/${userId}/memberships`, input),
  );

export const useChangeMembership = (userId: string) =>
  useUserMutation(userId, (input: { membershipId: string; status: 'ACTIVE' | 'PAUSED' | 'CANCELLED' }) =>
    api.patch<Membership>(`/api/admin/memberships/${input.membershipId}`, { status: input.status }),
  );

export const useAdjustCredits = (userId: string) =>
  useUserMutation(userId, (input: { amount: number; reason: string; validUntil?: string }) =>
    api.post<{ amount: number; balance: number }>(`/api/admin/users/${userId}/credits`, input),
  );
