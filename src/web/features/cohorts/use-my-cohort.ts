import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, qs } from '../../lib/api';
import type {
  Answers,
  CheckIn,
  CoachRef,
  CohortPhase,
  CohortStatus,
  MembershipStatus,
  Prompt,
  Question,
  QuestionnaireStatus,
  WeightUnit,
} from './types';

/** GET /api/me/cohort (src/server/routes/cohorts…, service getMyCohort). */
export interface MyCohort {
  cohort: {
    id: string;
    name: string;
    startDate: string;
    endDate: string | null;
    weeks: number | null;
    status: CohortStatus;
    coaches: CoachRef[];
  };
  membership: { status: MembershipStatus; joinedAt: string; checkInCadenceDays: number };
  phase: CohortPhase;
  currentWeek: number | null;
  prompts: Prompt[];
  weightUnit: WeightUnit;
  today: { date: string; checkIn: CheckIn | null; window: { earliestDate: string; latestDate: string } };
  questionnaire: { week: number; status: QuestionnaireStatus; opensAt: string; closesAt: string };
  feedback: Array<{
    week: number;
    message: string;
    videoUrl: string | null;
    publishedAt: string;
    authorName: string | null;
  }>;
  streak: number;
  checkInsThisWeek: { expected: number; done: number; rate: number | null } | null;
}

export interface MyQuestionnaire {
  cohortId: string;
  week: number;
  status: QuestionnaireStatus;
  opensAt: string;
  closesAt: string;
  intro: string;
  questions: Question[];
  answers: Answers;
  submittedAt: string | null;
  savedAt: string | null;
}

/** GET /api/me/check-in-prompts: what a client checks in against today, in a cohort or not (service getMyCheckInPrompts). */
export interface MyCheckInPrompts {
  source: 'COHORT' | 'STUDIO_DEFAULT';
  cohort: { id: string; name: string } | null;
  prompts: Prompt[];
  weightUnit: WeightUnit;
  today: { date: string; checkIn: CheckIn | null; window: { earliestDate: string; latestDate: string } };
}

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
        return await api.get<MyCohort>('/api/me/cohort');
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
    queryFn: () => api.get<MyCheckInPrompts>('/api/me/check-in-prompts'),
    enabled,
  });
}

export function useMyCheckIns(from: string, to: string) {
  return useQuery({
    queryKey: myCohortKeys.checkIns(from, to),
    queryFn: () =>
      api.get<{ from: string; to: string; weightUnit: WeightUnit; checkIns: CheckIn[] }>(
        `/api/me/check-ins${qs({ from, to })}`,
      ),
  });
}

export function useSaveCheckIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { date: string; values: Record<string, unknown> }) =>
      api.put<CheckIn>(`/api/me/check-ins/${input.date}`, { values: input.values }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myCohortKeys.all }),
  });
}

export function useMyQuestionnaire(week: number) {
  return useQuery({
    queryKey: myCohortKeys.questionnaire(week),
    queryFn: () => api.get<MyQuestionnaire>(`/api/me/questionnaires/${week}`),
  });
}

export function useSaveAnswers(week: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { answers: Record<string, unknown>; submit: boolean }) =>
      api.put<MyQuestionnaire>(`/api/me/questionnaires/${week}`, input),
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
    mutationFn: (weightUnit: WeightUnit) =>
      api.put<{ weightUnit: WeightUnit }>('/api/me/check-in-preferences', { weightUnit }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myCohortKeys.all }),
  });
}
