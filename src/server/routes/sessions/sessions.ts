import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import { cancelSession } from '../../../services/sessions/cancel-session';
import { createSession } from '../../../services/sessions/create-session';
import { createSchedule } from '../../../services/sessions/create-schedule';
import { editSession } from '../../../services/sessions/edit-session';
import { getSessionDetail } from '../../../services/sessions/session-views';
import {
  riddenAt,
  weekProbeOf,
  weekTag,
  weekView,
  weekViewRider,
  WeekSnapshots,
} from '../../../services/sessions/week-view';
import { weekValues } from '../../../services/sessions/week-view-sql';
import { commonErrors, uuidParam } from '../../../contracts/common';
import { z } from 'zod';
import { actorOf } from '../../plugins/access';
import { matchesTag, notModified } from './if-none-match';
import { resolveRange } from './range';
import {
  cancelSessionBody,
  createSessionBody,
  patchSessionBody,
  scheduleBody,
  scheduleCreated,
  schedulePreview,
  scheduleQuery,
  sessionDetail,
  sessionList,
  sessionListQuery,
  sessionView,
} from '../../../contracts/sessions';

export default async function sessionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const feature = 'sessions' as const;

  // The weeks as everyone sees them, kept by this app instance while their version holds (ADR 0028).
  const weekSnapshots = new WeekSnapshots();
  r.get(
    '/api/sessions',
    {
      config: {
        access: access.signedIn,
        feature,
        // The week's version and the viewer's own places are read with the caller's session.
        lookupRider: { rider: weekViewRider, values: (request, now) => weekFiltersOf(request.query, now) },
      },
      schema: {
        tags: ['sessions'],
        summary: 'Sessions starting in [from, to), in start order, with places left and your own booking',
        querystring: sessionListQuery,
        response: { 200: sessionList, 304: notModifiedBody, ...commonErrors },
      },
    },
    async (request, reply) => {
      // The clock the session lookup read the week at: a range defaulting to now resolves alike.
      const now = riddenAt(request.rode) ?? app.deps.now();
      const viewer = actorOf(request);
      const filters = { ...resolveRange(request.query, now), ...pick(request.query) };
      void reply.header('cache-control', 'private, no-cache');
      // A refresh of an unchanged week: the tag from what the session lookup read, no query at all.
      const ifNoneMatch = request.headers['if-none-match'];
      const probe = weekProbeOf(request.rode, filters);
      if (probe && matchesTag(ifNoneMatch, weekTag(viewer, filters, probe)))
        return notModified(reply.header('etag', weekTag(viewer, filters, probe)));
      const { body, tag } = await weekView(app.deps.db, weekSnapshots, viewer, filters, now, probe);
      if (matchesTag(ifNoneMatch, tag)) return notModified(reply.header('etag', tag));
      // The body is JSON text built from the database's JSON (week-view.ts); `sessionList` documents
      // it and tests/sessions/week-view.api.test.ts holds the two equal. A string with a JSON
      // content type skips the serializer; the type provider only knows objects.
      return reply
        .header('etag', tag)
        .type('application/json; charset=utf-8')
        .send(body as never);
    },
  );

  r.get(
    '/api/sessions/:id',
    {
      config: { access: access.signedIn, feature },
      schema: {
        tags: ['sessions'],
        summary: 'One session; coaches and admins also get its roster and waitlist',
        params: uuidParam,
        response: { 200: sessionDetail, ...commonErrors },
      },
    },
    async (request) => getSessionDetail(app.deps.db, actorOf(request), request.params.id, app.deps.now()),
  );

  r.post(
    '/api/sessions',
    {
      config: { access: access.to('sessions.manage'), feature },
      schema: {
        tags: ['sessions'],
        summary: 'Schedule one session (defaults from its class type)',
        body: createSessionBody,
        response: { 201: sessionView, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createSession(app.deps.db, actorOf(request), request.body, app.deps.now())),
  );

  r.patch(
    '/api/sessions/:id',
    {
      config: { access: access.to('sessions.manage'), feature },
      schema: {
        tags: ['sessions'],
        summary: 'Edit a session or the rest of its series; raising capacity promotes from the waitlist',
        params: uuidParam,
        body: patchSessionBody,
        response: { 200: sessionView, ...commonErrors },
      },
    },
    async (request) => {
      const { scope, ...patch } = request.body;
      return editSession(app.deps.db, actorOf(request), request.params.id, patch, scope, app.deps.now());
    },
  );

  r.post(
    '/api/sessions/:id/cancel',
    {
      config: { access: access.to('sessions.manage'), feature },
      schema: {
        tags: ['sessions'],
        summary:
          'Cancel a session (or the rest of its series): every booking refunded, the waitlist cleared, everyone told',
        params: uuidParam,
        body: cancelSessionBody,
        response: { 200: sessionView, ...commonErrors },
      },
    },
    async (request) => cancelSession(app.deps.db, actorOf(request), request.params.id, request.body, app.deps.now()),
  );

  r.post(
    '/api/schedules',
    {
      config: { access: access.to('sessions.manage'), feature },
      schema: {
        tags: ['sessions'],
        summary:
          'Create sessions from a weekly pattern in the studio time zone (?preview=true lists them without creating)',
        querystring: scheduleQuery,
        body: scheduleBody,
        response: { 200: schedulePreview, 201: scheduleCreated, ...commonErrors },
      },
    },
    async (request, reply) => {
      const preview = request.query.preview === 'true';
      const outcome = await createSchedule(app.deps.db, actorOf(request), request.body, preview, app.deps.now());
      if (outcome.preview) return reply.code(200).send({ sessions: outcome.sessions, skipped: outcome.skipped });
      return reply
        .code(201)
        .send({ scheduleId: outcome.scheduleId, sessions: outcome.sessions, skipped: outcome.skipped });
    },
  );
}

/** The week view's filters from a raw query, for the lookup rider; null when the route would refuse them. */
function weekFiltersOf(query: unknown, now: Date): Record<string, unknown> | null {
  const parsed = sessionListQuery.safeParse(query);
  if (!parsed.success) return null;
  try {
    return weekValues({ ...resolveRange(parsed.data, now), ...pick(parsed.data) }, now);
  } catch {
    return null; // an out-of-window range: the route answers the error
  }
}

function pick(query: { classTypeId?: string; coachId?: string }) {
  return { classTypeId: query.classTypeId, coachId: query.coachId };
}

const notModifiedBody = z.null().describe('Not modified: the copy you hold (If-None-Match) is current; no body');
