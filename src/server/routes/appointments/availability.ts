import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  availabilityView,
  coachDateParam,
  coachTimeOffParam,
  overrideBody,
  timeOffBody,
  weeklyHoursBody,
} from '../../../contracts/appointments';
import { commonErrors, idParam } from '../../../contracts/common';
import { access } from '../../../domain/access/policy';
import {
  availabilityView as loadAvailabilityView,
  changeAvailability,
} from '../../../services/appointments/availability';
import { actorOf } from '../../plugins/access';

/** A coach's availability: the coach for themselves, an admin for anyone (checked in the service). */
export default async function availabilityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: access.to('appointments.staff'), feature: 'appointments' as const };
  const tags = ['appointments'];

  r.get(
    '/api/coaches/:id/availability',
    {
      config,
      schema: {
        tags,
        summary: "A coach's weekly hours, date overrides and time off (studio wall-clock times)",
        params: idParam,
        response: { 200: availabilityView, ...commonErrors },
      },
    },
    async (request) => loadAvailabilityView(app.deps.db, actorOf(request), request.params.id, app.deps.now()),
  );

  r.put(
    '/api/coaches/:id/availability/weekly',
    {
      config,
      schema: {
        tags,
        summary: 'Replace the weekly working hours',
        params: idParam,
        body: weeklyHoursBody,
        response: { 200: availabilityView, ...commonErrors },
      },
    },
    async (request) =>
      changeAvailability(
        app.deps.db,
        actorOf(request),
        request.params.id,
        { kind: 'weekly', days: request.body.days },
        app.deps.now(),
      ),
  );

  r.put(
    '/api/coaches/:id/availability/overrides/:date',
    {
      config,
      schema: {
        tags,
        summary: 'Other hours on one date (empty ranges = off that day)',
        params: coachDateParam,
        body: overrideBody,
        response: { 200: availabilityView, ...commonErrors },
      },
    },
    async (request) =>
      changeAvailability(
        app.deps.db,
        actorOf(request),
        request.params.id,
        { kind: 'override', date: request.params.date, ranges: request.body.ranges },
        app.deps.now(),
      ),
  );

  r.delete(
    '/api/coaches/:id/availability/overrides/:date',
    {
      config,
      schema: {
        tags,
        summary: 'Back to the weekly hours on that date',
        params: coachDateParam,
        response: { 200: availabilityView, ...commonErrors },
      },
    },
    async (request) =>
      changeAvailability(
        app.deps.db,
        actorOf(request),
        request.params.id,
        { kind: 'override', date: request.params.date, ranges: null },
        app.deps.now(),
      ),
  );

  r.post(
    '/api/coaches/:id/time-off',
    {
      config,
      schema: {
        tags,
        summary: 'Add days off (both dates included)',
        params: idParam,
        body: timeOffBody,
        response: { 201: availabilityView, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await changeAvailability(
            app.deps.db,
            actorOf(request),
            request.params.id,
            { kind: 'timeOff', ...request.body },
            app.deps.now(),
          ),
        ),
  );

  r.delete(
    '/api/coaches/:id/time-off/:timeOffId',
    {
      config,
      schema: {
        tags,
        summary: 'Remove days off',
        params: coachTimeOffParam,
        response: { 200: availabilityView, ...commonErrors },
      },
    },
    async (request) =>
      changeAvailability(
        app.deps.db,
        actorOf(request),
        request.params.id,
        { kind: 'removeTimeOff', timeOffId: request.params.timeOffId },
        app.deps.now(),
      ),
  );
}
