import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ApiBody, type ApiResponse } from '../../lib/api';
import { usePublicSettings } from '../studio/use-studio';

export type Payment = ApiResponse<'GET /api/me/payments/:id'>;

/** Data hooks of the payments area (ADR 0019). */
const keys = {
  mine: ['me', 'payments'] as const,
  one: (id: string) => ['me', 'payments', id] as const,
  billing: ['me', 'billing'] as const,
  admin: (filter: string) => ['admin', 'payments', filter] as const,
};

/** Whether the studio takes payments online (Stripe is set up): Buy / Subscribe show only then. */
export const useOnlinePayments = () => usePublicSettings().data?.payments.online ?? false;

/** Starts a checkout and sends the browser to the provider's page. */
export const useCheckout = () =>
  useMutation({
    mutationFn: (planId: string) => api.post('/api/payments/checkout', { body: { planId } }),
    onSuccess: ({ url }) => window.location.assign(url),
  });

const settled = (p: Payment | undefined) =>
  p !== undefined && p.status !== 'OPEN' && !(p.status === 'SUCCEEDED' && !p.membershipId && !p.attention);

/** One of my payments; while the provider has not confirmed it yet, asked again every 2 s. */
export function usePayment(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: keys.one(id),
    queryFn: async () => {
      const payment = await api.get('/api/me/payments/:id', { params: { id } });
      if (settled(payment)) await queryClient.invalidateQueries({ queryKey: ['me'], refetchType: 'none' });
      return payment;
    },
    refetchInterval: (query) => (settled(query.state.data) ? false : 2000),
  });
}

export const useMyPayments = () =>
  useQuery({ queryKey: keys.mine, queryFn: async () => (await api.get('/api/me/payments')).payments });

export const useBilling = () => useQuery({ queryKey: keys.billing, queryFn: () => api.get('/api/me/billing') });

export const usePortal = () =>
  useMutation({
    mutationFn: () => api.post('/api/me/billing/portal'),
    onSuccess: ({ url }) => window.location.assign(url),
  });

export const useAdminPayments = (filter: 'all' | 'attention') =>
  useQuery({
    queryKey: keys.admin(filter),
    queryFn: async () => (await api.get('/api/admin/payments', { query: { filter } })).payments,
  });

function useAdminMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'payments'] }),
  });
}

export const useRefund = (paymentId: string) =>
  useAdminMutation((body: ApiBody<'POST /api/admin/payments/:id/refunds'>) =>
    api.post('/api/admin/payments/:id/refunds', { params: { id: paymentId }, body }),
  );

export const useRecordManualPayment = () =>
  useAdminMutation((body: ApiBody<'POST /api/admin/payments/manual'>) =>
    api.post('/api/admin/payments/manual', { body }),
  );
