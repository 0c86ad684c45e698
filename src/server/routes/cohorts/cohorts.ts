import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import { getCohortDetail } from '../../../services/cohorts/cohort-detail';
import { createCohortType, listCohortTypes } from '../../../services/cohorts/cohort-types';
import { createCohort } from '../../../services/cohorts/create-cohort';
import { listCohorts } from '../../../services/cohorts/list-cohorts';
import { setWeekQuestionnaire } from '../../../services/cohorts/set-week-questionnaire';
import { updateCohort } from '../../../services/cohorts/update-cohort';
import { commonErrors } from '../../../contracts/common';
import { actorOf } from '../../plugins/access';
import {
  cohortDetail,
  cohortList,
  cohortListQuery,
  cohortParams,
  cohortTypeBody,
  cohortTypeList,
  cohortTypeView,
  createCohortBody,
  patchCohortBody,
  weekParams,
  weekQuestionnaireBody,
  weekQuestionnaireView,
} from '../../../contracts/cohorts';

const coach = { access: access.to('cohorts.coach'), feature: 'cohorts' } as const;

/** Cohort types, and cohorts as coaches and admins manage them. */
export default async function cohortRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/cohort-types',
    {
      config: coach,
      schema: {
        tags: ['cohorts'],
        summary:
          'Cohort types, with what a cohort form picks from: the check-in prompt catalogue and the active coaches and admins',
        response: { 200: cohortTypeList, ...commonErrors },
      },
    },
    async () => listCohortTypes(app.deps.db),
  );

  r.post(
    '/api/cohort-types',
    {
      config: { access: access.to('cohortTypes.manage'), feature: 'cohorts' },
      schema: {
        tags: ['cohorts'],
        summary: 'Add a custom cohort type (admin)',
        body: cohortTypeBody,
        response: { 201: cohortTypeView, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCohortType(app.deps.db, actorOf(request), request.body)),
  );

  r.get(
    '/api/cohorts',
    {
      config: coach,
      schema: {
        tags: ['cohorts'],
        summary: 'Cohorts with members, check-in rate this week and questionnaires waiting (coach: theirs; admin: all)',
        querystring: cohortListQuery,
        response: { 200: cohortList, ...commonErrors },
      },
    },
    async (request) => listCohorts(app.deps.db, actorOf(request), request.query, app.deps.now()),
  );

  r.post(
    '/api/cohorts',
    {
      config: coach,
      schema: {
        tags: ['cohorts'],
        summary: 'Create a cohort',
        body: createCohortBody,
        response: { 201: cohortDetail, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCohort(app.deps.db, actorOf(request), request.body, app.deps.now())),
  );

  r.get(
    '/api/cohorts/:id',
    {
      config: coach,
      schema: {
        tags: ['cohorts'],
        summary:
          "A cohort: settings, prompts, every week's questionnaire, and members with last check-in, streak and compliance",
        params: cohortParams,
        response: { 200: cohortDetail, ...commonErrors },
      },
    },
    async (request) => getCohortDetail(app.deps.db, actorOf(request), request.params.id, app.deps.now()),
  );

  r.patch(
    '/api/cohorts/:id',
    {
      config: coach,
      schema: {
        tags: ['cohorts'],
        summary: 'Edit a cohort (audited)',
        params: cohortParams,
        body: patchCohortBody,
        response: { 200: cohortDetail, ...commonErrors },
      },
    },
    async (request) => updateCohort(app.deps.db, actorOf(request), request.params.id, request.body, app.deps.now()),
  );

  r.put(
    '/api/cohorts/:id/questionnaires/:week',
    {
      config: coach,
      schema: {
        tags: ['cohorts'],
        summary: "Set a week's questionnaire (409 once a client has submitted that week)",
        params: weekParams,
        body: weekQuestionnaireBody,
        response: { 200: weekQuestionnaireView, ...commonErrors },
      },
    },
    async (request) =>
      setWeekQuestionnaire(
        app.deps.db,
        actorOf(request),
        request.params.id,
        request.params.week,
        request.body,
        app.deps.now(),
      ),
  );
}
