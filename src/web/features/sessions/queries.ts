import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, qs } from '../../lib/api';
import type {
  ClassSession,
  ClassType,
  ClassTypeInput,
  MyBooking,
  MyRegistration,
  RegistrationStatus,
  ScheduleInput,
  SessionDetail,
} from './types';

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
    queryFn: () => api.get<ClassSession[]>(`/api/sessions${qs({ from, to, ...filters })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSession(id: string) {
  return useQuery({ queryKey: sessionKeys.one(id), queryFn: () => api.get<SessionDetail>(`/api/sessions/${id}`) });
}

export function useClassTypes(includeInactive = false) {
  return useQuery({
    queryKey: sessionKeys.classTypes(includeInactive),
    queryFn: () => api.get<ClassType[]>(`/api/class-types${qs({ includeInactive: includeInactive || undefined })}`),
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
      api.post<MyRegistration>(
        `/api/sessions/${input.sessionId}/registrations`,
        input.userId ? { userId: input.userId } : {},
      ),
    onSettled: () => refreshAfterBookingChange(queryClient),
  });
}

/** The client cancels their own booking or leaves the waitlist; the server says what it cost. */
export function useCancelMine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) =>
      api.delete<{ status: RegistrationStatus; refunded: number }>(`/api/sessions/${sessionId}/registrations/me`),
    onSettled: () => refreshAfterBookingChange(queryClient),
  });
}

/** Staff remove a client (with refund) or take them off the waitlist. */
export function useRemoveRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (registrationId: string) =>
      api.delete<{ status: RegistrationStatus; refunded: number }>(`/api/registrations/${registrationId}`),
    onSettled: () => refreshAfterBookingChange(queryClient),
  });
}

export function useMarkAttendance(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { userId: string; status: 'ATTENDED' | 'NO_SHOW' }) =>
      api.post<{ id: string; userId: string; status: string }>(`/api/sessions/${sessionId}/attendance`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionKeys.one(sessionId) }),
  });
}

export function useSaveClassType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; values: Partial<ClassTypeInput> }) =>
      input.id
        ? api.patch<ClassType>(`/api/class-types/${input.id}`, input.values)
        : api.post<ClassType>('/api/class-types', input.values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['class-types'] }),
  });
}

export interface SessionInput {
  classTypeId: string;
  coachId: string;
  title?: string;
  startTime: string;
  endTime?: string;
  capacity?: number;
  location?: string;
  notes?: string;
}

export type EditScope = 'THIS' | 'FOLLOWING';
export type SessionPatch = Partial<Omit<SessionInput, 'classTypeId'>> & { scope: EditScope };

export function useEditSession(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: SessionPatch) => api.patch<ClassSession>(`/api/sessions/${sessionId}`, patch),
    onSettled: () => refreshAfterBookingChange(queryClient),
  });
}

export function useCancelSession(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { scope: EditScope; reason?: string }) =>
      api.post<ClassSession>(`/api/sessions/${sessionId}/cancel`, input),
    onSettled: () => refreshAfterBookingChange(queryClient),
  });
}

export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SessionInput) => api.post<ClassSession>('/api/sessions', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  });
}

/** Preview: the times that would be created; created: the new sessions. Both list skipped slots. */
export interface ScheduleOutcome {
  scheduleId?: string;
  sessions: Array<{ startTime: string; endTime: string }>;
  skipped: Array<{ startTime: string }>;
}

export function useCreateSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { values: ScheduleInput; preview: boolean }) =>
      api.post<ScheduleOutcome>(`/api/schedules${input.preview ? '?preview=true' : ''}`, input.values),
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
    queryFn: () => api.get<MyBooking[]>(`/api/me/registrations${qs({ from, to })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}
