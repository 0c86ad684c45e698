import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ApiBody, type ApiResponse } from '../../lib/api';

/* Shapes of the coaches' cohort routes, derived from the route table of src/contracts. */

/** A row of GET /api/cohorts (coach: theirs, admin: all). */
export type CohortSummary = ApiResponse<'GET /api/cohorts'>['cohorts'][number];
export type CohortDetail = ApiResponse<'GET /api/cohorts/:id'>;
export type CohortMemberRow = CohortDetail['members'][number];
export type WeekQuestionnaire = CohortDetail['questionnaires'][number];
type CohortTypeList = ApiResponse<'GET /api/cohort-types'>;
export type CatalogueEntry = CohortTypeList['promptCatalogue'][number];
export type CohortType = CohortTypeList['cohortTypes'][number];
export type CreateCohortBody = ApiBody<'POST /api/cohorts'>;
export type PatchCohortBody = ApiBody<'PATCH /api/cohorts/:id'>;
export type ReviewQueueItem = ApiResponse<'GET /api/cohorts/:id/review-queue'>['items'][number];
export type AttentionFlag = ReviewQueueItem['flags'][number];
export type AttentionFlagCode = AttentionFlag['code'];
export type MemberDetail = ApiResponse<'GET /api/cohorts/:id/members/:userId'>;
export type MemberWeek = MemberDetail['weeks'][number];
export type FeedbackView = ApiResponse<'PUT /api/cohorts/:id/members/:userId/feedback/:week'>;
export type NoteView = ApiResponse<'POST /api/cohorts/:id/members/:userId/notes'>;

export const cohortKeys = {
  all: ['cohorts'] as const,
  list: ['cohorts', 'list'] as const,
  types: ['cohorts', 'types'] as const,
  one: (id: string) => ['cohorts', 'one', id] as const,
  reviews: (id: string) => ['cohorts', 'one', id, 'reviews'] as const,
  member: (id: string, userId: string) => ['cohorts', 'one', id, 'member', userId] as const,
};

/** The coach's cohorts: one status, or (no status) every cohort but the archived ones. */
export function useCohorts(status?: CohortSummary['status']) {
  return useQuery({
    queryKey: [...cohortKeys.list, status ?? 'CURRENT'],
    queryFn: () => api.get('/api/cohorts', { query: { status } }),
  });
}

export function useCohort(id: string) {
  return useQuery({ queryKey: cohortKeys.one(id), queryFn: () => api.get('/api/cohorts/:id', { params: { id } }) });
}

export function useCohortTypes() {
  return useQuery({
    queryKey: cohortKeys.types,
    queryFn: () => api.get('/api/cohort-types'),
    staleTime: 60_000,
  });
}

/** Any change to a cohort refreshes every cohort view (lists, counts, member pages). */
export function useCohortMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: cohortKeys.all }) });
}

export const useCreateCohort = () => useCohortMutation((body: CreateCohortBody) => api.post('/api/cohorts', { body }));
export const useUpdateCohort = (id: string) =>
  useCohortMutation((body: PatchCohortBody) => api.patch('/api/cohorts/:id', { params: { id }, body }));
export const useEnrol = (id: string) =>
  useCohortMutation((userId: string) => api.post('/api/cohorts/:id/members', { params: { id }, body: { userId } }));
export const useWithdraw = (id: string) =>
  useCohortMutation((userId: string) => api.delete('/api/cohorts/:id/members/:userId', { params: { id, userId } }));
export const useSaveWeekQuestionnaire = (id: string) =>
  useCohortMutation((input: { week: number } & ApiBody<'PUT /api/cohorts/:id/questionnaires/:week'>) =>
    api.put('/api/cohorts/:id/questionnaires/:week', {
      params: { id, week: input.week },
      body: { intro: input.intro, questions: input.questions },
    }),
  );

export function useReviewQueue(id: string) {
  return useQuery({
    queryKey: cohortKeys.reviews(id),
    queryFn: () => api.get('/api/cohorts/:id/review-queue', { params: { id } }),
  });
}

export function useCohortMember(id: string, userId: string) {
  return useQuery({
    queryKey: cohortKeys.member(id, userId),
    queryFn: () => api.get('/api/cohorts/:id/members/:userId', { params: { id, userId } }),
  });
}

export const useSaveFeedback = (id: string, userId: string) =>
  useCohortMutation((input: { week: number; message: string; videoUrl: string | null; publish: boolean }) =>
    api.put('/api/cohorts/:id/members/:userId/feedback/:week', {
      params: { id, userId, week: input.week },
      body: { message: input.message, videoUrl: input.videoUrl, publish: input.publish },
    }),
  );

export const useAddNote = (id: string, userId: string) =>
  useCohortMutation((text: string) =>
    api.post('/api/cohorts/:id/members/:userId/notes', { params: { id, userId }, body: { text } }),
  );

export const useUpdateMember = (id: string, userId: string) =>
  useCohortMutation((body: ApiBody<'PATCH /api/cohorts/:id/members/:userId'>) =>
    api.patch('/api/cohorts/:id/members/:userId', { params: { id, userId }, body }),
  );
