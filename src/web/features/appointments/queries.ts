import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, type ApiBody } from '../../lib/api';
import type { BookInput, ServiceInput, ServicePatch } from './types';

/*
 * Data hooks of the 1-on-1 appointments area. Every booking change refreshes slots, calendars,
 * the person's appointments and their credits.
 */

export const appointmentKeys = {
  all: ['appointments'] as const,
  services: (includeInactive: boolean) => ['appointments', 'services', includeInactive] as const,
  availability: (coachId: string) => ['appointments', 'availability', coachId] as const,
  slots: (q: Record<string, string | undefined>) => ['appointments', 'slots', q] as const,
  mine: (from: string, to: string) => ['appointments', 'mine', from, to] as const,
  ofUser: (userId: string) => ['appointments', 'user', userId] as const,
  calendar: (coachId: string | undefined, from: string, to: string) =>
    ['appointments', 'calendar', coachId ?? 'studio', from, to] as const,
};

export function useServices(includeInactive = false) {
  return useQuery({
    queryKey: appointmentKeys.services(includeInactive),
    queryFn: () =>
      api.get('/api/appointment-services', { query: { includeInactive: includeInactive ? 'true' : undefined } }),
    staleTime: 60_000,
  });
}

export function useSaveService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; values: ServicePatch } | { id?: undefined; values: ServiceInput }) =>
      input.id === undefined
        ? api.post('/api/admin/appointment-services', { body: input.values })
        : api.patch('/api/admin/appointment-services/:id', { params: { id: input.id }, body: input.values }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appointmentKeys.all }),
  });
}

/** Free start times of a service over studio days [from, to], per coach, with the credits that would pay. */
export function useSlots(q: { serviceId?: string; from: string; to: string; coachId?: string; clientId?: string }) {
  const { serviceId } = q;
  return useQuery({
    queryKey: appointmentKeys.slots(q),
    queryFn: () =>
      api.get('/api/appointments/slots', {
        query: { serviceId: serviceId!, from: q.from, to: q.to, coachId: q.coachId, clientId: q.clientId },
      }),
    enabled: !!serviceId,
    placeholderData: keepPreviousData,
  });
}

export function useMyAppointments(range: { from: string; to: string }, enabled = true) {
  return useQuery({
    queryKey: appointmentKeys.mine(range.from, range.to),
    queryFn: () => api.get('/api/me/appointments', { query: range }),
    enabled,
  });
}

export function useUserAppointments(userId: string) {
  return useQuery({
    queryKey: appointmentKeys.ofUser(userId),
    queryFn: () => api.get('/api/admin/users/:id/appointments', { params: { id: userId } }),
  });
}

/** A coach's own calendar (coachId given, coach route) or the studio's (optionally one coach). */
export function useCalendar(q: { from: string; to: string; coachId?: string; own: boolean }) {
  return useQuery({
    queryKey: appointmentKeys.calendar(q.own ? `own:${q.coachId}` : q.coachId, q.from, q.to),
    queryFn: () =>
      q.own
        ? api.get('/api/coaches/:id/calendar', { params: { id: q.coachId! }, query: { from: q.from, to: q.to } })
        : api.get('/api/calendar', { query: { from: q.from, to: q.to, coachId: q.coachId || undefined } }),
    placeholderData: keepPreviousData,
  });
}

export function useAppointment(id: string | null) {
  return useQuery({
    queryKey: ['appointments', 'one', id],
    queryFn: () => api.get('/api/appointments/:id', { params: { id: id! } }),
    enabled: !!id,
  });
}

async function refresh(queryClient: QueryClient) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: appointmentKeys.all }),
    queryClient.invalidateQueries({ queryKey: ['me', 'credits'] }),
    queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  ]);
}

export function useBookAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BookInput) => api.post('/api/appointments', { body }),
    onSettled: () => refresh(queryClient),
  });
}

export function useCancelAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; reason?: string }) =>
      api.post('/api/appointments/:id/cancel', {
        params: { id: input.id },
        body: input.reason ? { reason: input.reason } : {},
      }),
    onSettled: () => refresh(queryClient),
  });
}

export function useMoveAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; startTime: string; coachId?: string }) =>
      api.post('/api/appointments/:id/move', {
        params: { id: input.id },
        body: { startTime: input.startTime, coachId: input.coachId },
      }),
    onSettled: () => refresh(queryClient),
  });
}

export function useMarkAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; status: 'ATTENDED' | 'NO_SHOW' }) =>
      api.post('/api/appointments/:id/attendance', { params: { id: input.id }, body: { status: input.status } }),
    onSettled: () => refresh(queryClient),
  });
}

export function useSaveAppointmentNotes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; notes?: string; coachNotes?: string }) =>
      api.patch('/api/appointments/:id', {
        params: { id: input.id },
        body: { notes: input.notes, coachNotes: input.coachNotes },
      }),
    onSettled: () => refresh(queryClient),
  });
}

/** One coach's hours, overrides and time off; every change answers the whole availability again. */
export function useAvailability(coachId: string | undefined) {
  return useQuery({
    queryKey: appointmentKeys.availability(coachId ?? ''),
    queryFn: () => api.get('/api/coaches/:id/availability', { params: { id: coachId! } }),
    enabled: !!coachId,
  });
}

/** A change to a coach's availability, as the editor asks for it. */
export type AvailabilityChange =
  | { kind: 'weekly'; body: ApiBody<'PUT /api/coaches/:id/availability/weekly'> }
  | { kind: 'override'; date: string; ranges: Array<{ start: string; end: string }> }
  | { kind: 'clear-override'; date: string }
  | { kind: 'time-off'; body: ApiBody<'POST /api/coaches/:id/time-off'> }
  | { kind: 'remove-time-off'; timeOffId: string };

function changeAvailability(id: string, change: AvailabilityChange) {
  switch (change.kind) {
    case 'weekly':
      return api.put('/api/coaches/:id/availability/weekly', { params: { id }, body: change.body });
    case 'override':
      return api.put('/api/coaches/:id/availability/overrides/:date', {
        params: { id, date: change.date },
        body: { ranges: change.ranges },
      });
    case 'clear-override':
      return api.delete('/api/coaches/:id/availability/overrides/:date', { params: { id, date: change.date } });
    case 'time-off':
      return api.post('/api/coaches/:id/time-off', { params: { id }, body: change.body });
    case 'remove-time-off':
      return api.delete('/api/coaches/:id/time-off/:timeOffId', { params: { id, timeOffId: change.timeOffId } });
  }
}

/** Saves a change; the server answers the whole availability, which replaces the cached one. */
export function useChangeAvailability(coachId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: AvailabilityChange) => changeAvailability(coachId, change),
    onSuccess: (data) => {
      queryClient.setQueryData(appointmentKeys.availability(coachId), data);
      void queryClient.invalidateQueries({ queryKey: ['appointments', 'slots'] });
    },
  });
}
