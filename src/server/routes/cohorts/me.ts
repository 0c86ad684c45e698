import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import { getMyCohort } from '../../../services/cohorts/my-cohort';
import { getMyCheckInPrompts } from '../../../services/cohorts/my-check-in-prompts';
import { listMyCheckIns, putMyCheckIn, setMyCheckInPreferences } from '../../../services/cohorts/my-check-ins';
import { getMyQuestionnaire, putMyQuestionnaire } from '../../../services/cohorts/my-questionnaire';
import { commonErrors } from '../../../contracts/common';
import { actorOf } from '../../plugins/access';
import {
  answersBody,
  checkInBody,
  checkInDateParams,
  checkInList,
  checkInRangeQuery,
  checkInView,
  myCheckInPromptsView,
  myCohortView,
  myQuestionnaireView,
  myWeekParams,
  weightUnitBody,
  weightUnitView,
} from '../../../contracts/cohorts-me';

const signedIn = { access: access.signedIn, feature: 'cohorts' } as const;

/** The signed-in client's own cohort, check-ins and questionnaires. Nothing here reads another person's data. */
export default async function myCohortRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/me/cohort',
    {
      config: signedIn,
      schema: {
        tags: ['cohorts'],
        summary:
          'My cohort: week n of m, today’s check-in, this week’s questionnaire, published feedback (404 NOT_IN_COHORT when none)',
        response: { 200: myCohortView, ...commonErrors },
      },
    },
    async (request) => getMyCohort(app.deps.db, actorOf(request), app.deps.now()),
  );

  r.get(
    '/api/me/check-in-prompts',
    {
      config: signedIn,
      schema: {
        tags: ['cohorts'],
        summary:
          'The check-in prompts in force for me today (my cohort’s, or the studio defaults outside one), today’s date and my check-in',
        response: { 200: myCheckInPromptsView, ...commonErrors },
      },
    },
    async (request) => getMyCheckInPrompts(app.deps.db, actorOf(request), app.deps.now()),
  );

  r.put(
    '/api/me/check-ins/:date',
    {
      config: signedIn,
      schema: {
        tags: ['cohorts'],
        summary: 'Enter or edit my check-in for a date (today and, by default, the 2 days before)',
        params: checkInDateParams,
        body: checkInBody,
        response: { 200: checkInView, ...commonErrors },
      },
    },
    async (request) =>
      putMyCheckIn(app.deps.db, actorOf(request), request.params.date, request.body.values, app.deps.now()),
  );

  r.get(
    '/api/me/check-ins',
    {
      config: signedIn,
      schema: {
        tags: ['cohorts'],
        summary: 'My check-ins between two dates, oldest first (default: the last 4 weeks)',
        querystring: checkInRangeQuery,
        response: { 200: checkInList, ...commonErrors },
      },
    },
    async (request) => listMyCheckIns(app.deps.db, actorOf(request), request.query, app.deps.now()),
  );

  r.put(
    '/api/me/check-in-preferences',
    {
      config: signedIn,
      schema: {
        tags: ['cohorts'],
        summary: 'How I enter and read my weight: kg, lb, or stones and pounds',
        body: weightUnitBody,
        response: { 200: weightUnitView, ...commonErrors },
      },
    },
    async (request) => setMyCheckInPreferences(app.deps.db, actorOf(request), request.body, app.deps.now()),
  );

  r.get(
    '/api/me/questionnaires/:week',
    {
      config: signedIn,
      schema: {
        tags: ['cohorts'],
        summary: "A week of my cohort's questionnaire with my draft or submitted answers",
        params: myWeekParams,
        response: { 200: myQuestionnaireView, ...commonErrors },
      },
    },
    async (request) => getMyQuestionnaire(app.deps.db, actorOf(request), request.params.week, app.deps.now()),
  );

  r.put(
    '/api/me/questionnaires/:week',
    {
      config: signedIn,
      schema: {
        tags: ['cohorts'],
        summary: 'Save a draft of, or submit, my answers (submitting locks them: 409 QUESTIONNAIRE_LOCKED after)',
        params: myWeekParams,
        body: answersBody,
        response: { 200: myQuestionnaireView, ...commonErrors },
      },
    },
    async (request) =>
      putMyQuestionnaire(app.deps.db, actorOf(request), request.params.week, request.body, app.deps.now()),
  );
}
