import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  appointmentAttendanceBody,
  appointmentCancellation,
  appointmentPatch,
  appointmentView,
  bookAppointmentBody,
  cancelAppointmentBody,
  moveAppointmentBody,
  slotsQuery,
  slotsView,
} from '../../../contracts/appointments';
import { commonErrors, uuidParam } from '../../../contracts/common';
import { access } from '../../../domain/access/policy';
import { getAppointmentView } from '../../../services/appointments/appointment-views';
import { bookAppointment } from '../../../services/appointments/book-appointment';
import {
  cancelAppointment,
  editAppointmentNotes,
  markAppointmentAttendance,
  moveAppointment,
} from '../../../services/appointments/change-appointment';
import { findSlots } from '../../../services/appointments/find-slots';
import { actorOf } from '../../plugins/access';

export default async function appointmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const feature = 'appointments' as const;
  const tags = ['appointments'];
  const signedIn = { access: access.signedIn, feature };
  const staff = { access: access.to('appointments.staff'), feature };

  r.get(
    '/api/appointments/slots',
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          'Free start times per coach for a service between two studio-local dates, and the credits that would pay',
        querystring: slotsQuery,
        response: { 200: slotsView, ...commonErrors },
      },
    },
    async (request) => findSlots(app.deps.db, actorOf(request), request.query, app.deps.now()),
  );

  r.post(
    '/api/appointments',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Book a 1-on-1 (409 SLOT_TAKEN when someone was quicker)',
        description:
          'A client books themself a self-bookable service, paid with credits of a plan that covers it. A coach or admin may book for a client (clientId), also staff-only services and at shorter notice, and without credits with compReason.',
        body: bookAppointmentBody,
        response: { 201: appointmentView, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await bookAppointment(app.deps.db, actorOf(request), request.body, app.deps.now())),
  );

  r.get(
    '/api/appointments/:id',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'One appointment (its client, or staff)',
        params: uuidParam,
        response: { 200: appointmentView, ...commonErrors },
      },
    },
    async (request) => getAppointmentView(app.deps.db, actorOf(request), request.params.id, app.deps.now()),
  );

  r.patch(
    '/api/appointments/:id',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Change the notes (client or staff) or the private coach notes (staff)',
        params: uuidParam,
        body: appointmentPatch,
        response: { 200: appointmentView, ...commonErrors },
      },
    },
    async (request) =>
      editAppointmentNotes(app.deps.db, actorOf(request), request.params.id, request.body, app.deps.now()),
  );

  r.post(
    '/api/appointments/:id/cancel',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Cancel (refunded before the late-cancel cutoff; staff cancellations always refund)',
        params: uuidParam,
        body: cancelAppointmentBody,
        response: { 200: appointmentCancellation, ...commonErrors },
      },
    },
    async (request) =>
      cancelAppointment(app.deps.db, actorOf(request), request.params.id, request.body, app.deps.now()),
  );

  r.post(
    '/api/appointments/:id/move',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Move to another start (and coach); the credits stay',
        params: uuidParam,
        body: moveAppointmentBody,
        response: { 200: appointmentView, ...commonErrors },
      },
    },
    async (request) => moveAppointment(app.deps.db, actorOf(request), request.params.id, request.body, app.deps.now()),
  );

  r.post(
    '/api/appointments/:id/attendance',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Mark ATTENDED or NO_SHOW (from the start on)',
        params: uuidParam,
        body: appointmentAttendanceBody,
        response: { 200: appointmentView, ...commonErrors },
      },
    },
    async (request) =>
      markAppointmentAttendance(app.deps.db, actorOf(request), request.params.id, request.body.status, app.deps.now()),
  );
}
