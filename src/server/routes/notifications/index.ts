import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../../domain/access/policy';
import { listMyNotifications, markNotificationsRead } from '../../../services/notifications/my-notifications';
import { loadSettings } from '../../../services/settings/settings-service';
import { actorOf } from '../../plugins/access';
import { commonErrors, timestamp } from '../../../contracts/common';

export default async function notificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/me/notifications',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first, with the unread count',
        response: {
          200: z.object({
            unreadCount: z.number(),
            items: z.array(
              z.object({
                id: z.string(),
                kind: z.string(),
                title: z.string(),
                body: z.string(),
                link: z.string().nullable(),
                createdAt: timestamp,
                readAt: timestamp.nullable(),
              }),
            ),
          }),
          ...commonErrors,
        },
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
        body: z.object({ ids: z.array(z.uuid()).max(500).optional() }).default({}),
        response: { 200: z.object({ marked: z.number() }), ...commonErrors },
      },
    },
    async (request) => markNotificationsRead(app.deps.db, actorOf(request).id, request.body.ids),
  );
}
