import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import {
  listMyNotifications,
  markNotificationsRead,
  markNotificationsSeen,
} from '../../../services/notifications/my-notifications';
import { loadSettings } from '../../../services/settings/settings-service';
import { actorOf } from '../../plugins/access';
import { commonErrors } from '../../../contracts/common';
import {
  markReadBody,
  markReadResult,
  markSeenBody,
  markSeenResult,
  notificationList,
} from '../../../contracts/account';

export default async function notificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/me/notifications',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first, with the unread count',
        response: { 200: notificationList, ...commonErrors },
      },
    },
    async (request) => listMyNotifications(app.deps.db, actorOf(request).id, await loadSettings(app.deps.db)),
  );

  r.post(
    '/api/me/notifications/read',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['notifications'],
        summary: 'Mark some (ids) or all of my notifications read',
        body: markReadBody,
        response: { 200: markReadResult, ...commonErrors },
      },
    },
    async (request) => markNotificationsRead(app.deps.db, actorOf(request).id, request.body.ids),
  );

  r.post(
    '/api/me/notifications/seen',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['notifications'],
        summary: 'I opened my notifications: clear the badge up to the newest one shown, on every device',
        body: markSeenBody,
        response: { 200: markSeenResult, ...commonErrors },
      },
    },
    async (request) => markNotificationsSeen(app.deps.db, actorOf(request).id, request.body.upToId),
  );
}
