import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ApiBody } from '../../lib/api';
import type { PlanInput, PlanPatch } from './types';

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
    queryFn: async () => (await api.get('/api/plans')).plans,
  });

export const useMyMemberships = () =>
  useQuery({
    queryKey: membershipKeys.myMemberships,
    queryFn: async () => (await api.get('/api/me/membership')).memberships,
  });

export const useMyCredits = () =>
  useQuery({ queryKey: membershipKeys.myCredits, queryFn: () => api.get('/api/me/credits') });

/** A ledger, newest first, a page at a time ("Show more"). */
export function useLedger(userId: string | undefined, queryKey: readonly unknown[]) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => {
      const query = { cursor: pageParam, limit: 20 };
      return userId
        ? api.get('/api/admin/users/:id/credit-transactions', { params: { id: userId }, query })
        : api.get('/api/me/credit-transactions', { query });
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const useUserMemberships = (userId: string) =>
  useQuery({
    queryKey: [...membershipKeys.user(userId), 'memberships'],
    queryFn: async () => (await api.get('/api/admin/users/:id/memberships', { params: { id: userId } })).memberships,
  });

export const useUserCredits = (userId: string) =>
  useQuery({
    queryKey: [...membershipKeys.user(userId), 'credits'],
    queryFn: () => api.get('/api/admin/users/:id/credits', { params: { id: userId } }),
  });

export const useMembers = (query: string, offset: number) =>
  useQuery({
    queryKey: membershipKeys.members(query, offset),
    queryFn: () => api.get('/api/members', { query: { query, offset, limit: 50 } }),
    placeholderData: keepPreviousData,
  });

export function useSavePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; values: PlanPatch } | { id?: undefined; values: PlanInput }) =>
      input.id === undefined
        ? api.post('/api/admin/plans', { body: input.values })
        : api.patch('/api/admin/plans/:id', { params: { id: input.id }, body: input.values }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membershipKeys.plans }),
  });
}

/** Anything an admin does to a user's membership or credits refreshes that user's page and the lists. */
export function useUserMutation<TInput, TResult>(userId: string, fn: (input: TInput) => Promise<TResult>) {
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
  useUserMutation(userId, (input: ApiBody<'POST /api/admin/users/:id/memberships'>) =>
    api.post('/api/admin/users/:id/memberships', { params: { id: userId }, body: input }),
  );

export const useChangeMembership = (userId: string) =>
  useUserMutation(userId, (input: { membershipId: string } & ApiBody<'PATCH /api/admin/memberships/:id'>) =>
    api.patch('/api/admin/memberships/:id', { params: { id: input.membershipId }, body: { status: input.status } }),
  );

export const useAdjustCredits = (userId: string) =>
  useUserMutation(userId, (input: ApiBody<'POST /api/admin/users/:id/credits'>) =>
    api.post('/api/admin/users/:id/credits', { params: { id: userId }, body: input }),
  );
