import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { appointmentList, appointmentRangeQuery, calendarQuery, calendarView } from '../../../contracts/appointments';
import { commonErrors, idParam } from '../../../contracts/common';
import { access } from '../../../domain/access/policy';
import type { Actor } from '../../../domain/access/roles';
import { addLocalDays, localDateOf, localDaysBetween, startOfLocalDate } from '../../../domain/time/studio-week';
import { DomainError } from '../../../domain/shared/domain-error';
import { listClientAppointments } from '../../../services/appointments/appointment-views';
import { calendarOf } from '../../../services/appointments/calendar';
import { loadSettings } from '../../../services/settings/settings-service';
import { actorOf } from '../../plugins/access';

export default async function appointmentCalendarRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const feature = 'appointments' as const;
  const tags = ['appointments'];

  /** A client's appointments between two studio-local dates (default: today and the next 30 days). */
  async function appointmentsOf(actor: Actor, clientId: string, query: { from?: string; to?: string }) {
    const timeZone = (await loadSettings(app.deps.db))['studio.timezone'];
    const now = app.deps.now();
    const from = query.from ?? localDateOf(now, timeZone);
    const to = query.to ?? addLocalDays(from, 30);
    if (localDaysBetween(from, to) > 62)
      throw new DomainError('VALIDATION_ERROR', 'to: at most 62 days after from', { field: 'to' });
    const range = { from: startOfLocalDate(from, timeZone), until: startOfLocalDate(addLocalDays(to, 1), timeZone) };
    return listClientAppointments(app.deps.db, actor, clientId, range, now);
  }

  r.get(
    '/api/me/appointments',
    {
      config: { access: access.signedIn, feature },
      schema: {
        tags,
        summary: 'My 1-on-1 appointments (booked, cancelled and past) between two dates',
        querystring: appointmentRangeQuery,
        response: { 200: appointmentList, ...commonErrors },
      },
    },
    async (request) => appointmentsOf(actorOf(request), actorOf(request).id, request.query),
  );

  r.get(
    '/api/admin/users/:id/appointments',
    {
      config: { access: access.to('appointments.staff'), feature },
      schema: {
        tags,
        summary: "A client's 1-on-1 appointments (coaches and admins)",
        params: idParam,
        querystring: appointmentRangeQuery,
        response: { 200: appointmentList, ...commonErrors },
      },
    },
    async (request) => appointmentsOf(actorOf(request), request.params.id, request.query),
  );

  r.get(
    '/api/coaches/:id/calendar',
    {
      config: { access: access.to('appointments.staff'), feature },
      schema: {
        tags,
        summary: "A coach's classes and appointments together, between two studio-local dates",
        params: idParam,
        querystring: calendarQuery,
        response: { 200: calendarView, ...commonErrors },
      },
    },
    async (request) => calendarOf(app.deps.db, { ...request.query, coachId: request.params.id }),
  );

  r.get(
    '/api/calendar',
    {
      config: { access: access.to('appointments.staff'), feature },
      schema: {
        tags,
        summary: "The studio's classes and appointments together (optionally one coach)",
        querystring: calendarQuery,
        response: { 200: calendarView, ...commonErrors },
      },
    },
    async (request) => calendarOf(app.deps.db, request.query),
  );
}
