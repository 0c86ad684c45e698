import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../../domain/access/policy';
import { listAuditLog } from '../../../services/audit/list-audit-log';
import { listOutbox } from '../../../services/email/list-outbox';
import { commonErrors, timestamp } from '../../../contracts/common';

const pageQuery = z.object({
  before: z.iso.datetime({ offset: true }).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export default async function adminAuditAndOutboxRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/admin/audit-log',
    {
      config: { access: access.to('audit.read') },
      schema: {
        tags: ['admin'],
        summary: 'Admin actions, newest first',
        querystring: pageQuery.extend({ targetId: z.string().max(100).optional() }),
        response: {
          200: z.object({
            entries: z.array(
              z.object({
                id: z.string(),
                action: z.string(),
                targetType: z.string(),
                targetId: z.string().nullable(),
                before: z.unknown(),
                after: z.unknown(),
                createdAt: timestamp,
                actor: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
              }),
            ),
            nextCursor: z.string().nullable(),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) =>
      listAuditLog(app.deps.db, {
        before: request.query.before ? new Date(request.query.before) : undefined,
        limit: request.query.limit,
        targetId: request.query.targetId,
      }),
  );

  r.get(
    '/api/admin/outbox',
    {
      config: { access: access.to('outbox.read') },
      schema: {
        tags: ['admin'],
        summary: 'Emails Roster sent or would send, newest first',
        querystring: pageQuery,
        response: {
          200: z.object({
            emails: z.array(
              z.object({
                id: z.string(),
                to: z.string(),
                subject: z.string(),
                text: z.string(),
                link: z.string().nullable().describe('A path inside the app, sent as BASE_URL + path'),
                kind: z.string(),
                status: z.string(),
                createdAt: timestamp,
                sentAt: timestamp.nullable(),
                lastError: z.string().nullable(),
              }),
            ),
            nextCursor: z.string().nullable(),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) =>
      listOutbox(app.deps.db, {
        before: request.query.before ? new Date(request.query.before) : undefined,
        limit: request.query.limit,
      }),
  );
}
