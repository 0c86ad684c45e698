import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthView } from '../../../contracts/account';
import { errorBody } from '../../../contracts/common';
import { access } from '../../../domain/access/policy';

export default async function healthRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { access: access.public },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        description: 'Answers 503 DATABASE_UNAVAILABLE while the database cannot be reached.',
        response: { 200: healthView, 503: errorBody },
      },
    },
    async () => {
      await app.deps.db.execute(sql`select 1`);
      return { status: 'ok' as const, db: app.deps.dbKind };
    },
  );
}
