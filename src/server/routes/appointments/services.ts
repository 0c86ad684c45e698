import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serviceBody, serviceList, serviceListQuery, servicePatch, serviceView } from '../../../contracts/appointments';
import { commonErrors, uuidParam } from '../../../contracts/common';
import { access } from '../../../domain/access/policy';
import { createService, listServices, updateService } from '../../../services/appointments/appointment-services';
import { actorOf } from '../../plugins/access';

export default async function appointmentServiceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const feature = 'appointments' as const;

  r.get(
    '/api/appointment-services',
    {
      config: { access: access.signedIn, feature },
      schema: {
        tags: ['appointments'],
        summary: '1-on-1 services and the coaches who offer them (admins: archived too with includeInactive)',
        querystring: serviceListQuery,
        response: { 200: serviceList, ...commonErrors },
      },
    },
    async (request) => listServices(app.deps.db, actorOf(request), request.query.includeInactive === 'true'),
  );

  r.post(
    '/api/admin/appointment-services',
    {
      config: { access: access.to('appointmentServices.manage'), feature },
      schema: {
        tags: ['appointments'],
        summary: 'Create a 1-on-1 service',
        body: serviceBody,
        response: { 201: serviceView, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createService(app.deps.db, actorOf(request), request.body, app.deps.now())),
  );

  r.patch(
    '/api/admin/appointment-services/:id',
    {
      config: { access: access.to('appointmentServices.manage'), feature },
      schema: {
        tags: ['appointments'],
        summary: 'Edit or archive a 1-on-1 service (booked appointments keep their times)',
        params: uuidParam,
        body: servicePatch,
        response: { 200: serviceView, ...commonErrors },
      },
    },
    async (request) => updateService(app.deps.db, actorOf(request), request.params.id, request.body, app.deps.now()),
  );
}
