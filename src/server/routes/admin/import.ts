import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { commonErrors, uuidParam } from '../../../contracts/common';
import { importReport, importRunBody, teamupImportRequest } from '../../../contracts/import';
import { access } from '../../../domain/access/policy';
import { actorOf } from '../../plugins/access';
import { importFromTeamup } from '../../../services/import/import-from-teamup';
import { getImportRun, startTeamupImport } from '../../../services/import/import-runs';

/** TeamUp's events file is ≈ 3.2 MB for half a year; JSON escaping adds a little. Only these routes take this much. */
const IMPORT_BODY_LIMIT = 40 * 1024 * 1024;

export default async function adminImportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/admin/import/teamup/dry-run',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { access: access.to('imports.run') },
      schema: {
        tags: ['admin'],
        summary:
          'What importing these TeamUp files would create, update and skip, and every problem; nothing is written',
        body: teamupImportRequest,
        response: { 200: importReport, ...commonErrors },
      },
    },
    async (request) => {
      const { events, instructors, memberships, customers, ...options } = request.body;
      return importFromTeamup(
        app.deps.db,
        actorOf(request).id,
        { events, instructors, memberships, customers },
        { ...options, dryRun: true },
        app.deps.now(),
      );
    },
  );

  r.post(
    '/api/admin/import/teamup/runs',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { access: access.to('imports.run') },
      schema: {
        tags: ['admin'],
        summary: 'Start the import; follow it with GET /api/admin/import/teamup/runs/:id',
        body: teamupImportRequest,
        response: { 202: importRunBody, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { events, instructors, memberships, customers, ...options } = request.body;
      const run = await startTeamupImport(
        app.deps.db,
        actorOf(request).id,
        { events, instructors, memberships, customers },
        options,
        app.deps.now,
      );
      return reply.status(202).send(run);
    },
  );

  r.get(
    '/api/admin/import/teamup/runs/:id',
    {
      config: { access: access.to('imports.run') },
      schema: {
        tags: ['admin'],
        summary: 'An import run: percent, current step, and its report once finished',
        params: uuidParam,
        response: { 200: importRunBody, ...commonErrors },
      },
    },
    async (request) => getImportRun(app.deps.db, request.params.id, app.deps.now()),
  );
}
