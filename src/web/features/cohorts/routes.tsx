import type { AppRoute } from '../../app/routes';
import { CohortPage } from './cohort-page';
import { EditCohortPage, NewCohortPage } from './cohort-form-page';
import { CohortsPage } from './cohorts-page';
import { MemberPage } from './member-page';
import { MyCohortPage } from './my-cohort-page';
import { QuestionnairePage } from './questionnaire-page';
import { ReviewQueuePage } from './review-queue-page';
import { WeekQuestionnairePage } from './week-questionnaire-page';

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
