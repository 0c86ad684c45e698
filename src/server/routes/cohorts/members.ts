import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import { addCoachNote, putFeedback } from '../../../services/cohorts/feedback-and-notes';
import { getMemberDetail } from '../../../services/cohorts/member-detail';
import { enrolMember, updateMember, withdrawMember } from '../../../services/cohorts/memberships';
import { nudgeMembers } from '../../../services/cohorts/nudge-members';
import { getReviewQueue } from '../../../services/cohorts/review-queue';
import { commonErrors } from '../../../contracts/common';
import { actorOf } from '../../plugins/access';
import {
  feedbackBody,
  feedbackView,
  memberDetailView,
  noteBody,
  noteView,
  nudgeBody,
  nudgeResult,
  reviewQueueView,
} from '../../../contracts/cohorts-members';
import {
  cohortParams,
  enrolBody,
  memberParams,
  memberPatchBody,
  memberWeekParams,
  membershipView,
} from '../../../contracts/cohorts';

const coach = { access: access.to('cohorts.coach'), feature: 'cohorts' } as const;

/** A cohort's members as its coaches work with them: enrolment, review, feedback, notes, nudges. */
export default async function cohortMemberRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/cohorts/:id/members',
    {
      config: coach,
      schema: {
        tags: ['cohorts'],
        summary: 'Enrol a client (409 COHORT_CONFLICT when they are in another cohort; 422 COHORT_FULL)',
        params: cohortParams,
        body: enrolBody,
        response: { 201: membershipView, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await enrolMember(app.deps.db, actorOf(request), request.params.id, request.body, app.deps.now())),
  );

  r.delete(
    '/api/cohorts/:id/members/:userId',
    {
      config: coach,
      schema: {
        tags: ['cohorts'],
        summary: 'Withdraw a client (their data stays)',
        params: memberParams,
        response: { 200: membershipView, ...commonErrors },
      },
    },
    async (request) =>
      withdrawMember(app.deps.db, actorOf(request), request.params.id, request.params.userId, app.deps.now()),
  );

  r.patch(
    '/api/cohorts/:id/members/:userId',
    {
      config: coach,
      schema: {
        tags: ['cohorts'],
        summary: 'Pause or resume a member, or set their own check-in cadence',
        params: memberParams,
        body: memberPatchBody,
        response: { 200: membershipView, ...commonErrors },
      },
    },
    async (request) =>
      updateMember(app.deps.db, actorOf(request), request.params.id, request.params.userId, request.body),
  );

  r.get(
    '/api/cohorts/:id/members/:userId',
    {
      config: coach,
      schema: {
        tags: ['cohorts'],
        summary:
          "A member's page: check-in history, streak, answers, feedback (drafts too), private notes, attention flags",
        params: memberParams,
        response: { 200: memberDetailView, ...commonErrors },
      },
    },
    async (request) =>
      getMemberDetail(app.deps.db, actorOf(request), request.params.id, request.params.userId, app.deps.now()),
  );

  r.get(
    '/api/cohorts/:id/review-queue',
    {
      config: coach,
      schema: {
        tags: ['cohorts'],
        summary: 'Submitted questionnaires without published feedback, oldest first, with attention flags',
        params: cohortParams,
        response: { 200: reviewQueueView, ...commonErrors },
      },
    },
    async (request) => getReviewQueue(app.deps.db, actorOf(request), request.params.id, app.deps.now()),
  );

  r.put(
    '/api/cohorts/:id/members/:userId/feedback/:week',
    {
      config: coach,
      schema: {
        tags: ['cohorts'],
        summary: "Write or publish a member's feedback for a week (publishing notifies them)",
        params: memberWeekParams,
        body: feedbackBody,
        response: { 200: feedbackView, ...commonErrors },
      },
    },
    async (request) =>
      putFeedback(
        app.deps.db,
        actorOf(request),
        request.params.id,
        request.params.userId,
        request.params.week,
        request.body,
        app.deps.now(),
      ),
  );

  r.post(
    '/api/cohorts/:id/members/:userId/notes',
    {
      config: coach,
      schema: {
        tags: ['cohorts'],
        summary: 'Add a private coach note on a member (never shown to the client)',
        params: memberParams,
        body: noteBody,
        response: { 201: noteView, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addCoachNote(
            app.deps.db,
            actorOf(request),
            request.params.id,
            request.params.userId,
            request.body.text,
            app.deps.now(),
          ),
        ),
  );

  r.post(
    '/api/cohorts/:id/nudges',
    {
      config: coach,
      schema: {
        tags: ['cohorts'],
        summary:
          'Nudge members to check in (named, or everyone not checked in for N days); one nudge per client per day',
        params: cohortParams,
        body: nudgeBody,
        response: { 200: nudgeResult, ...commonErrors },
      },
    },
    async (request) => {
      const { userIds, notCheckedInForDays, message } = request.body;
      const target = userIds ? { userIds } : { notCheckedInForDays: notCheckedInForDays! };
      return nudgeMembers(app.deps.db, actorOf(request), request.params.id, { ...target, message }, app.deps.now());
    },
  );
}
