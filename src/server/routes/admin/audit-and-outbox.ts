import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import { listAuditLog } from '../../../services/audit/list-audit-log';
import { listOutbox } from '../../../services/email/list-outbox';
import { commonErrors } from '../../../contracts/common';
import { auditLogPage, auditLogQuery, outboxPage, outboxQuery } from '../../../contracts/admin';

export default async function adminAuditAndOutboxRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/admin/audit-log',
    {
      config: { access: access.to('audit.read') },
      schema: {
        tags: ['admin'],
        summary: 'Admin actions, newest first',
        querystring: auditLogQuery,
        response: { 200: auditLogPage, ...commonErrors },
      },
    },
    async (request) =>
      listAuditLog(app.deps.db, {
        before: request.query.before ? new Date(request.query.before) : undefined,
        limit: request.query.limit,
        targetId: request.query.targetId,
        personId: request.query.personId,
        subjectId: request.query.subjectId,
        action: request.query.action,
        from: request.query.from,
        to: request.query.to,
      }),
  );

  r.get(
    '/api/admin/outbox',
    {
      config: { access: access.to('outbox.read') },
      schema: {
        tags: ['admin'],
        summary: 'Emails Roster sent or would send, newest first',
        querystring: outboxQuery,
        response: { 200: outboxPage, ...commonErrors },
      },
    },
    async (request) =>
      listOutbox(app.deps.db, {
        before: request.query.before ? new Date(request.query.before) : undefined,
        limit: request.query.limit,
      }),
  );
}
