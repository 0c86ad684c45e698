import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import { refuseWithoutWaiver } from '../../../domain/users/refuse-without-waiver';
import { bookSession } from '../../../services/sessions/book-session';
import { bookAtDesk } from '../../../services/sessions/book-at-desk';
import { markDeskPaid } from '../../../services/sessions/mark-desk-paid';
import { markDeskUnpaid } from '../../../services/sessions/mark-desk-unpaid';
import { cancelMyRegistration, removeRegistration } from '../../../services/sessions/cancel-registration';
import { markAttendance } from '../../../services/sessions/mark-attendance';
import { commonErrors, uuidParam } from '../../../contracts/common';
import { actorOf } from '../../plugins/access';
import {
  attendanceBody,
  attendanceResult,
  bookBody,
  deskBookingBody,
  deskPaidResult,
  deskUnpaidResult,
  cancellationResult,
  registrationResult,
} from '../../../contracts/sessions';

export default async function registrationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const feature = 'sessions' as const;

  r.post(
    '/api/sessions/:id/registrations',
    {
      config: { access: access.signedIn, feature },
      schema: {
        tags: ['sessions'],
        summary:
          'Book a place (or join the waitlist when full). 201 when created, 200 with the existing booking when you already hold one',
        description:
          'A client books themself; a coach or admin may name a client in userId (and may add them outside the booking window).',
        params: uuidParam,
        body: bookBody,
        response: { 200: registrationResult, 201: registrationResult, ...commonErrors },
      },
    },
    async (request, reply) => {
      // Read with the session (no extra query on the booking's hot path, ADR 0021).
      const noWaiver = refuseWithoutWaiver(
        actorOf(request),
        request.body.userId ?? actorOf(request).id,
        request.waiver!,
      );
      if (noWaiver) throw noWaiver;
      const result = await bookSession(
        app.deps.db,
        actorOf(request),
        { sessionId: request.params.id, userId: request.body.userId },
        app.deps.now(),
      );
      return reply.code(result.created ? 201 : 200).send(result.registration);
    },
  );

  r.post(
    '/api/sessions/:id/desk-bookings',
    {
      config: { access: access.to('sessions.manage'), feature },
      schema: {
        tags: ['sessions'],
        summary: 'Add a client without their credits: COMP (free, with a reason) or AT_DESK (owed until marked paid)',
        description:
          'Takes a free place only. 201 when created, 200 with the existing booking when the client already holds one. Audited.',
        params: uuidParam,
        body: deskBookingBody,
        response: { 200: registrationResult, 201: registrationResult, ...commonErrors },
      },
    },
    async (request, reply) => {
      const result = await bookAtDesk(
        app.deps.db,
        actorOf(request),
        { sessionId: request.params.id, ...request.body },
        app.deps.now(),
      );
      return reply.code(result.created ? 201 : 200).send(result.registration);
    },
  );

  r.post(
    '/api/registrations/:id/paid',
    {
      config: { access: access.to('sessions.manage'), feature },
      schema: {
        tags: ['sessions'],
        summary: 'Record that a client paid at the desk for their place (AT_DESK bookings only). Audited.',
        params: uuidParam,
        response: { 200: deskPaidResult, ...commonErrors },
      },
    },
    async (request) => markDeskPaid(app.deps.db, actorOf(request), request.params.id, app.deps.now()),
  );

  r.delete(
    '/api/registrations/:id/paid',
    {
      config: { access: access.to('sessions.manage'), feature },
      schema: {
        tags: ['sessions'],
        summary:
          'Undo "paid at the desk" recorded by mistake: the place is owed again (AT_DESK bookings only). Audited.',
        params: uuidParam,
        response: { 200: deskUnpaidResult, ...commonErrors },
      },
    },
    async (request) => markDeskUnpaid(app.deps.db, actorOf(request), request.params.id, app.deps.now()),
  );

  r.delete(
    '/api/sessions/:id/registrations/me',
    {
      config: { access: access.signedIn, feature },
      schema: {
        tags: ['sessions'],
        summary: 'Cancel my booking (refunded before the late-cancel time) or leave the waitlist',
        params: uuidParam,
        response: { 200: cancellationResult, ...commonErrors },
      },
    },
    async (request) => cancelMyRegistration(app.deps.db, actorOf(request), request.params.id, app.deps.now()),
  );

  r.delete(
    '/api/registrations/:id',
    {
      config: { access: access.to('sessions.manage'), feature },
      schema: {
        tags: ['sessions'],
        summary: 'Take a client off a session (credits refunded) or off its waitlist',
        params: uuidParam,
        response: { 200: cancellationResult, ...commonErrors },
      },
    },
    async (request) => removeRegistration(app.deps.db, actorOf(request), request.params.id, app.deps.now()),
  );

  r.post(
    '/api/sessions/:id/attendance',
    {
      config: { access: access.to('sessions.manage'), feature },
      schema: {
        tags: ['sessions'],
        summary:
          'Mark a booked client ATTENDED or NO_SHOW (from 15 minutes before the start to 24 hours after the end)',
        params: uuidParam,
        body: attendanceBody,
        response: { 200: attendanceResult, ...commonErrors },
      },
    },
    async (request) => markAttendance(app.deps.db, actorOf(request), request.params.id, request.body, app.deps.now()),
  );
}
