import { lazyPage } from '../../app/lazy-page';
import type { AppRoute } from '../../app/routes';

// Each cohort page is its own chunk (see app/routes.tsx).
const CohortPage = lazyPage(() => import('./cohort-page'), 'CohortPage');
const EditCohortPage = lazyPage(() => import('./cohort-form-page'), 'EditCohortPage');
const NewCohortPage = lazyPage(() => import('./cohort-form-page'), 'NewCohortPage');
const CohortsPage = lazyPage(() => import('./cohorts-page'), 'CohortsPage');
const MemberPage = lazyPage(() => import('./member-page'), 'MemberPage');
const MyCohortPage = lazyPage(() => import('./my-cohort-page'), 'MyCohortPage');
const QuestionnairePage = lazyPage(() => import('./questionnaire-page'), 'QuestionnairePage');
const ReviewQueuePage = lazyPage(() => import('./review-queue-page'), 'ReviewQueuePage');
const WeekQuestionnairePage = lazyPage(() => import('./week-questionnaire-page'), 'WeekQuestionnairePage');

const staff: AppRoute['roles'] = ['COACH', 'ADMIN'];

/**
 * The cohort pages, all behind the 'cohorts' feature flag. Client paths match the links the
 * server puts in cohort notifications (/cohort, /cohort/questionnaire/:week).
 */
export const cohortRoutes: AppRoute[] = [
  { path: '/cohort', element: <MyCohortPage />, roles: ['CLIENT'], feature: 'cohorts' },
  { path: '/cohort/questionnaire/:week', element: <QuestionnairePage />, roles: ['CLIENT'], feature: 'cohorts' },
  { path: '/cohorts', element: <CohortsPage />, roles: staff, feature: 'cohorts' },
  { path: '/cohorts/new', element: <NewCohortPage />, roles: staff, feature: 'cohorts' },
  { path: '/cohorts/:id', element: <CohortPage />, roles: staff, feature: 'cohorts' },
  { path: '/cohorts/:id/edit', element: <EditCohortPage />, roles: staff, feature: 'cohorts' },
  { path: '/cohorts/:id/reviews', element: <ReviewQueuePage />, roles: staff, feature: 'cohorts' },
  { path: '/cohorts/:id/questionnaires/:week', element: <WeekQuestionnairePage />, roles: staff, feature: 'cohorts' },
  { path: '/cohorts/:id/members/:userId', element: <MemberPage />, roles: staff, feature: 'cohorts' },
];
