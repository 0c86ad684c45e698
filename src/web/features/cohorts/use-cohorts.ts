import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../lib/api';
import type {
  Answers,
  CheckIn,
  CoachRef,
  CohortPhase,
  CohortStatus,
  MembershipStatus,
  Prompt,
  PromptKind,
  Question,
  QuestionnaireStatus,
  WeightUnit,
} from './types';

/** A row of GET /api/cohorts (coach: theirs, admin: all). */
export interface CohortSummary {
  id: string;
  name: string;
  status: CohortStatus;
  type: { id: string; name: string } | null;
  startDate: string;
  endDate: string | null;
  weeks: number | null;
  capacity: number | null;
  phase: CohortPhase;
  currentWeek: number | null;
  coaches: CoachRef[];
  memberCount: number;
  checkInRateThisWeek: number | null;
  questionnairesWaiting: number;
}

export interface CohortMemberRow {
  userId: string;
  name: string;
  email: string;
  status: MembershipStatus;
  joinedAt: string;
  leftAt: string | null;
  checkInCadenceDays: number;
  cadenceOverridden: boolean;
  lastCheckInDate: string | null;
  streak: number;
  complianceThisWeek: number | null;
  complianceOverall: number | null;
  questionnaire: { week: number; status: QuestionnaireStatus };
}

export interface QuestionnaireContent {
  intro: string;
  questions: Question[];
}

export interface WeekQuestionnaire extends QuestionnaireContent {
  week: number;
  startDate: string;
  endDate: string;
  opensAt: string;
  closesAt: string;
  submittedCount: number;
  /** Someone submitted this week: its questions can no longer change. */
  locked: boolean;
}

export interface CohortDetail extends CohortSummary {
  checkInCadenceDays: number;
  checkInBackfillDays: number;
  questionnaireOpensDaysBeforeWeekEnd: number;
  checkInReminderTime: string;
  prompts: Prompt[];
  defaultQuestionnaire: QuestionnaireContent;
  questionnaires: WeekQuestionnaire[];
  members: CohortMemberRow[];
}

export interface CatalogueEntry {
  key: string;
  label: string;
  kind: PromptKind;
  unit: string | null;
  min: number | null;
  max: number | null;
  builtIn: boolean;
  studioDefault: boolean;
}

export interface CohortType {
  id: string;
  name: string;
  description: string;
  defaultWeeks: number | null;
  prompts: Array<{ key: string; required: boolean }>;
  questionnaire: QuestionnaireContent;
  builtIn: boolean;
}

export const cohortKeys = {
  all: ['cohorts'] as const,
  list: ['cohorts', 'list'] as const,
  types: ['cohorts', 'types'] as const,
  one: (id: string) => ['cohorts', 'one', id] as const,
  reviews: (id: string) => ['cohorts', 'one', id, 'reviews'] as const,
  member: (id: string, userId: string) => ['cohorts', 'one', id, 'member', userId] as const,
};

/** The coach's cohorts: one status, or (no status) every cohort but the archived ones. */
export function useCohorts(status?: CohortStatus) {
  return useQuery({
    queryKey: [...cohortKeys.list, status ?? 'CURRENT'],
    queryFn: () => api.get<{ cohorts: CohortSummary[] }>(`/api/cohorts${qs({ status })}`),
  });
}

export function useCohort(id: string) {
  return useQuery({ queryKey: cohortKeys.one(id), queryFn: () => api.get<CohortDetail>(`/api/cohorts/${id}`) });
}

export function useCohortTypes() {
  return useQuery({
    queryKey: cohortKeys.types,
    queryFn: () =>
      api.get<{
        cohortTypes: CohortType[];
        promptCatalogue: CatalogueEntry[];
        coaches: Array<{ id: string; name: string; role: 'COACH' | 'ADMIN' }>;
      }>('/api/cohort-types'),
    staleTime: 60_000,
  });
}

/** Any change to a cohort refreshes every cohort view (lists, counts, member pages). */
export function useCohortMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: cohortKeys.all }) });
}

export const useCreateCohort = () =>
  useCohortMutation((body: Record<string, unknown>) => api.post<CohortDetail>('/api/cohorts', body));
export const useUpdateCohort = (id: string) =>
  useCohortMutation((body: Record<string, unknown>) => api.patch<CohortDetail>(`/api/cohorts/${id}`, body));
export const useEnrol = (id: string) =>
  useCohortMutation((userId: string) => api.post(`/api/cohorts/${id}/members`, { userId }));
export const useWithdraw = (id: string) =>
  useCohortMutation((userId: string) => api.delete(`/api/cohorts/${id}/members/${userId}`));
export const useSaveWeekQuestionnaire = (id: string) =>
  useCohortMutation((input: { week: number; intro: string; questions: Array<Partial<Question>> }) =>
    api.put(`/api/cohorts/${id}/questionnaires/${input.week}`, { intro: input.intro, questions: input.questions }),
  );

export type AttentionFlagCode = 'MISSED_CHECK_INS' | 'FALLING_TREND' | 'LOW_SCORES';
export interface AttentionFlag {
  code: AttentionFlagCode;
  message: string;
}

export interface ReviewQueueItem {
  responseId: string;
  userId: string;
  name: string;
  week: number;
  submittedAt: string;
  draftFeedback: { updatedAt: string; authorId: string | null } | null;
  flags: AttentionFlag[];
}

export function useReviewQueue(id: string) {
  return useQuery({
    queryKey: cohortKeys.reviews(id),
    queryFn: () => api.get<{ items: ReviewQueueItem[] }>(`/api/cohorts/${id}/review-queue`),
  });
}

export interface FeedbackView {
  id: string;
  week: number;
  message: string;
  videoUrl: string | null;
  status: 'DRAFT' | 'PUBLISHED';
  author: { id: string; name: string } | null;
  publishedAt: string | null;
  updatedAt: string;
}

export interface NoteView {
  id: string;
  text: string;
  author: { id: string; name: string } | null;
  createdAt: string;
}

export interface MemberWeek {
  week: number;
  startDate: string;
  endDate: string;
  questionnaire: {
    status: QuestionnaireStatus;
    opensAt: string;
    closesAt: string;
    submittedAt: string | null;
    intro: string;
    questions: Question[];
    /** Submitted answers only; a client's draft stays theirs. */
    answers: Answers | null;
  };
  feedback: FeedbackView | null;
}

export interface MemberDetail {
  member: {
    userId: string;
    name: string;
    email: string;
    status: MembershipStatus;
    joinedAt: string;
    leftAt: string | null;
    checkInCadenceDays: number;
    cadenceOverridden: boolean;
    weightUnit: WeightUnit;
  };
  prompts: Prompt[];
  checkIns: CheckIn[];
  streak: number;
  compliance: { thisWeek: number | null; overall: number | null };
  weeks: MemberWeek[];
  notes: NoteView[];
  flags: AttentionFlag[];
}

export function useCohortMember(id: string, userId: string) {
  return useQuery({
    queryKey: cohortKeys.member(id, userId),
    queryFn: () => api.get<MemberDetail>(`/api/cohorts/${id}/members/${userId}`),
  });
}

export const useSaveFeedback = (id: string, userId: string) =>
  useCohortMutation((input: { week: number; message: string; videoUrl: string | null; publish: boolean }) =>
    api.put<FeedbackView>(`/api/cohorts/${id}/members/${userId}/feedback/${input.week}`, {
      message: input.message,
      videoUrl: input.videoUrl,
      publish: input.publish,
    }),
  );

export const useAddNote = (id: string, userId: string) =>
  useCohortMutation((text: string) => api.post<NoteView>(`/api/cohorts/${id}/members/${userId}/notes`, { text }));

export const useUpdateMember = (id: string, userId: string) =>
  useCohortMutation((body: { status?: 'ACTIVE' | 'PAUSED'; checkInCadenceDays?: number | null }) =>
    api.patch(`/api/cohorts/${id}/members/${userId}`, body),
  );
