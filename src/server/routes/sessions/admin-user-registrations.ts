import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import { listRegistrationsOfUser } from '../../../services/sessions/my-registrations';
import { commonErrors, idParam } from '../../../contracts/common';
import { resolveRange } from './range';
import { myRegistrationList, rangeQuery } from '../../../contracts/sessions';

const DAY = 86_400_000;
/** Without from/to: the last four weeks and the next four (recent attendance and what is booked). */
const DEFAULT_SPAN_DAYS = 28;

/** The studio's page about one person: their class bookings, waitlist places and attendance. */
export default async function adminUserRegistrationRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/admin/users/:id/registrations',
    {
      config: { access: access.to('sessions.manage'), feature: 'sessions' },
      schema: {
        tags: ['sessions'],
        summary:
          "A client's bookings, waitlist places and attendance for sessions starting in [from, to) (default: 4 weeks back to 4 weeks ahead)",
        params: idParam,
        querystring: rangeQuery,
        response: { 200: myRegistrationList, ...commonErrors },
      },
    },
    async (request) => {
      const now = app.deps.now();
      const from = request.query.from ?? new Date(now.getTime() - DEFAULT_SPAN_DAYS * DAY);
      const to = request.query.to ?? new Date(from.getTime() + 2 * DEFAULT_SPAN_DAYS * DAY);
      return listRegistrationsOfUser(app.deps.db, request.params.id, resolveRange({ from, to }, now), now);
    },
  );
}
