import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import {
  feedUrl,
  getOrCreateFeedToken,
  renderCalendarFeed,
  resetFeedToken,
} from '../../../services/sessions/calendar-feed';
import { listMyRegistrations } from '../../../services/sessions/my-registrations';
import { getSessionPreferences, updateSessionPreferences } from '../../../services/sessions/preferences';
import { commonErrors } from '../../../contracts/common';
import { actorOf } from '../../plugins/access';
import { resolveRange } from './range';
import {
  calendarFeedQuery,
  calendarFeedView,
  myRegistrationList,
  rangeQuery,
  sessionPreferences,
  sessionPreferencesPatch,
} from '../../../contracts/sessions';

export default async function mySessionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const feature = 'sessions' as const;

  r.get(
    '/api/me/registrations',
    {
      config: { access: access.signedIn, feature },
      schema: {
        tags: ['sessions'],
        summary: 'My bookings, waitlist places and past attendance for sessions starting in [from, to)',
        querystring: rangeQuery,
        response: { 200: myRegistrationList, ...commonErrors },
      },
    },
    async (request) =>
      listMyRegistrations(
        app.deps.db,
        actorOf(request).id,
        resolveRange(request.query, app.deps.now()),
        app.deps.now(),
      ),
  );

  r.get(
    '/api/me/calendar-feed',
    {
      config: { access: access.signedIn, feature },
      schema: {
        tags: ['sessions'],
        summary: 'My private calendar feed address (created on first ask)',
        response: { 200: calendarFeedView, ...commonErrors },
      },
    },
    async (request) => ({
      url: feedUrl(
        app.deps.config.baseUrl,
        await getOrCreateFeedToken(app.deps.db, actorOf(request).id, app.deps.now()),
      ),
    }),
  );

  r.post(
    '/api/me/calendar-feed/reset',
    {
      config: { access: access.signedIn, feature },
      schema: {
        tags: ['sessions'],
        summary: 'Replace my calendar feed address; the old one stops working',
        response: { 200: calendarFeedView, ...commonErrors },
      },
    },
    async (request) => ({
      url: feedUrl(app.deps.config.baseUrl, await resetFeedToken(app.deps.db, actorOf(request).id, app.deps.now())),
    }),
  );

  r.get(
    '/api/me/calendar.ics',
    {
      // The calendar app cannot sign in: the secret token in the address is the credential.
      config: { access: access.public, feature },
      schema: {
        tags: ['sessions'],
        summary: 'My classes as an iCalendar feed (text/calendar), authenticated by the token of /api/me/calendar-feed',
        description: 'Answers text/calendar; 404 CALENDAR_FEED_NOT_FOUND when the token is unknown or was reset.',
        querystring: calendarFeedQuery,
      },
    },
    async (request, reply) => {
      const ics = await renderCalendarFeed(app.deps.db, request.query.token, app.deps.now());
      return reply
        .header('cache-control', 'private, max-age=300')
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="classes.ics"')
        .send(ics);
    },
  );

  r.get(
    '/api/me/session-preferences',
    {
      config: { access: access.signedIn, feature },
      schema: {
        tags: ['sessions'],
        summary: 'My opt-in class emails',
        response: { 200: sessionPreferences, ...commonErrors },
      },
    },
    async (request) => getSessionPreferences(app.deps.db, actorOf(request).id),
  );

  r.put(
    '/api/me/session-preferences',
    {
      config: { access: access.signedIn, feature },
      schema: {
        tags: ['sessions'],
        summary: 'Opt in or out of booking confirmations and class reminders',
        body: sessionPreferencesPatch,
        response: { 200: sessionPreferences, ...commonErrors },
      },
    },
    async (request) => updateSessionPreferences(app.deps.db, actorOf(request).id, request.body, app.deps.now()),
  );
}
