import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { ClassTypeInput, ClassTypePatch, ScheduleInput, SessionInput, SessionPatch } from './types';
import { rememberFirstBooking } from '../../pwa/first-booking';

/*
 * Data hooks of the group-sessions area. Every mutation refreshes what it can have changed:
 * sessions (places, waitlists), the person's bookings and their credits.
 */

export const sessionKeys = {
  all: ['sessions'] as const,
  list: (from: string, to: string, extra: Record<string, string | undefined> = {}) =>
    ['sessions', 'list', from, to, extra] as const,
  one: (id: string) => ['sessions', 'one', id] as const,
  classTypes: (includeInactive: boolean) => ['class-types', includeInactive] as const,
  mine: ['me', 'registrations'] as const,
  credits: ['me', 'credits'] as const,
};

/** Sessions starting in [from, to). */
export function useSessions(
  range: { from: Date; to: Date },
  filters: { classTypeId?: string; coachId?: string } = {},
  enabled = true,
) {
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  return useQuery({
    queryKey: sessionKeys.list(from, to, filters),
    queryFn: () => api.get('/api/sessions', { query: { from, to, ...filters } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSession(id: string) {
  return useQuery({ queryKey: sessionKeys.one(id), queryFn: () => api.get('/api/sessions/:id', { params: { id } }) });
}

export function useClassTypes(includeInactive = false) {
  return useQuery({
    queryKey: sessionKeys.classTypes(includeInactive),
    queryFn: () => api.get('/api/class-types', { query: { includeInactive: includeInactive ? 'true' : undefined } }),
    staleTime: 60_000,
  });
}

export async function refreshAfterBookingChange(queryClient: QueryClient) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
    queryClient.invalidateQueries({ queryKey: sessionKeys.mine }),
    queryClient.invalidateQueries({ queryKey: sessionKeys.credits }),
    queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  ]);
}

/** A client books a place (or a waitlist spot); staff may name the client. */
export function useBook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { sessionId: string; userId?: string }) =>
      api.post('/api/sessions/:id/registrations', {
        params: { id: input.sessionId },
        body: input.userId ? { userId: input.userId } : {},
      }),
    onSuccess: (_answer, input) => {
      if (!input.userId) rememberFirstBooking();
    },
    onSettled: () => refreshAfterBookingChange(queryClient),
  });
}

/** The client cancels their own booking or leaves the waitlist; the server says what it cost. */
export function useCancelMine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => api.delete('/api/sessions/:id/registrations/me', { params: { id: sessionId } }),
    onSettled: () => refreshAfterBookingChange(queryClient),
  });
}

/** Staff remove a client (with refund) or take them off the waitlist. */
export function useRemoveRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (registrationId: string) => api.delete('/api/registrations/:id', { params: { id: registrationId } }),
    onSettled: () => refreshAfterBookingChange(queryClient),
  });
}

export function useMarkAttendance(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { userId: string; status: 'ATTENDED' | 'NO_SHOW' }) =>
      api.post('/api/sessions/:id/attendance', { params: { id: sessionId }, body: input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionKeys.one(sessionId) }),
  });
}

export function useSaveClassType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; values: ClassTypePatch } | { id?: undefined; values: ClassTypeInput }) =>
      input.id === undefined
        ? api.post('/api/class-types', { body: input.values })
        : api.patch('/api/class-types/:id', { params: { id: input.id }, body: input.values }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['class-types'] }),
  });
}

export function useEditSession(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: SessionPatch) => api.patch('/api/sessions/:id', { params: { id: sessionId }, body: patch }),
    onSettled: () => refreshAfterBookingChange(queryClient),
  });
}

export function useCancelSession(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { scope: 'THIS' | 'FOLLOWING'; reason?: string }) =>
      api.post('/api/sessions/:id/cancel', { params: { id: sessionId }, body: input }),
    onSettled: () => refreshAfterBookingChange(queryClient),
  });
}

export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SessionInput) => api.post('/api/sessions', { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  });
}

export function useCreateSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { values: ScheduleInput; preview: boolean }) =>
      api.post('/api/schedules', { query: { preview: input.preview ? 'true' : undefined }, body: input.values }),
    onSuccess: (_data, input) => {
      if (!input.preview) void queryClient.invalidateQueries({ queryKey: sessionKeys.all });
    },
  });
}

/** The client's registrations for sessions starting in [from, to) (at most 62 days). */
export function useMyBookings(range: { from: Date; to: Date }, enabled = true) {
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  return useQuery({
    queryKey: [...sessionKeys.mine, from, to],
    queryFn: () => api.get('/api/me/registrations', { query: { from, to } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
