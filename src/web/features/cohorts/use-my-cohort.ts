import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, type ApiBody, type ApiResponse } from '../../lib/api';
import type { WeightUnit } from './types';

/* Shapes of the client's own cohort routes, derived from the route table of src/contracts. */

/** GET /api/me/cohort. */
export type MyCohort = ApiResponse<'GET /api/me/cohort'>;
export type MyQuestionnaire = ApiResponse<'GET /api/me/questionnaires/:week'>;

export const myCohortKeys = {
  all: ['me', 'cohort'] as const,
  // Under `all`, so saving a check-in or a weight unit refreshes it too.
  checkInPrompts: ['me', 'cohort', 'check-in-prompts'] as const,
  checkIns: (from: string, to: string) => ['me', 'cohort', 'check-ins', from, to] as const,
  questionnaire: (week: number) => ['me', 'cohort', 'questionnaire', week] as const,
};

/** The client's cohort, or null when they are in none (404 NOT_IN_COHORT is an empty state, not an error). */
export function useMyCohort() {
  return useQuery({
    queryKey: myCohortKeys.all,
    queryFn: async () => {
      try {
        return await api.get('/api/me/cohort');
      } catch (error) {
        if (error instanceof ApiError && error.code === 'NOT_IN_COHORT') return null;
        throw error;
      }
    },
  });
}

/** Today's prompts for a client outside any cohort: the studio's default ones. */
export function useMyCheckInPrompts(enabled = true) {
  return useQuery({
    queryKey: myCohortKeys.checkInPrompts,
    queryFn: () => api.get('/api/me/check-in-prompts'),
    enabled,
  });
}

export function useMyCheckIns(from: string, to: string) {
  return useQuery({
    queryKey: myCohortKeys.checkIns(from, to),
    queryFn: () => api.get('/api/me/check-ins', { query: { from, to } }),
  });
}

export function useSaveCheckIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { date: string } & ApiBody<'PUT /api/me/check-ins/:date'>) =>
      api.put('/api/me/check-ins/:date', { params: { date: input.date }, body: { values: input.values } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myCohortKeys.all }),
  });
}

export function useMyQuestionnaire(week: number) {
  return useQuery({
    queryKey: myCohortKeys.questionnaire(week),
    queryFn: () => api.get('/api/me/questionnaires/:week', { params: { week } }),
  });
}

export function useSaveAnswers(week: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiBody<'PUT /api/me/questionnaires/:week'>) =>
      api.put('/api/me/questionnaires/:week', { params: { week }, body: input }),
    onSuccess: async (data) => {
      queryClient.setQueryData(myCohortKeys.questionnaire(week), data);
      await queryClient.invalidateQueries({ queryKey: myCohortKeys.all, exact: true });
    },
  });
}

/** The client's weight unit (kg, lb, st + lb): stored on the server, used on every screen. */
export function useSetWeightUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (weightUnit: WeightUnit) => api.put('/api/me/check-in-preferences', { body: { weightUnit } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myCohortKeys.all }),
  });
}
