import type { ApiResponse } from '../../lib/api';

/**
 * Shapes of the cohorts API as the web app reads them, derived from the route table of
 * `src/contracts` and the pure rules of `src/domain/cohorts`. Dates named `…Date` are studio-local
 * `YYYY-MM-DD`; `…At` are ISO instants.
 */
export type { PromptKind, CheckInValues } from '../../../domain/cohorts/prompts';
export type { WeightUnit } from '../../../domain/cohorts/weight-units';
export type { CohortStatus, MembershipStatus } from '../../../domain/cohorts/cohort-status';
export type { QuestionKind, Answers } from '../../../domain/cohorts/questionnaire';

type MyCohortView = ApiResponse<'GET /api/me/cohort'>;
type CohortDetail = ApiResponse<'GET /api/cohorts/:id'>;

export type Prompt = MyCohortView['prompts'][number];
export type CheckIn = ApiResponse<'PUT /api/me/check-ins/:date'>;
export type CohortPhase = MyCohortView['phase'];
export type CoachRef = MyCohortView['cohort']['coaches'][number];
export type Question = CohortDetail['defaultQuestionnaire']['questions'][number];
export type QuestionnaireStatus = MyCohortView['questionnaire']['status'];
