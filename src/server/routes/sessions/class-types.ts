import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import { isStaff } from '../../../domain/access/roles';
import { createClassType, listClassTypes, updateClassType } from '../../../services/sessions/class-types';
import { commonErrors, uuidParam } from '../../../contracts/common';
import { actorOf } from '../../plugins/access';
import {
  classTypeBody,
  classTypeList,
  classTypeListQuery,
  classTypePatch,
  classTypeView,
} from '../../../contracts/sessions';

export default async function classTypeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const feature = 'sessions' as const;

  r.get(
    '/api/class-types',
    {
      config: { access: access.signedIn, feature },
      schema: {
        tags: ['sessions'],
        summary: 'Class types by name (archived ones only for coaches and admins who ask)',
        querystring: classTypeListQuery,
        response: { 200: classTypeList, ...commonErrors },
      },
    },
    async (request) =>
      listClassTypes(app.deps.db, {
        includeInactive: request.query.includeInactive === 'true' && isStaff(actorOf(request)),
      }),
  );

  r.post(
    '/api/class-types',
    {
      config: { access: access.to('classTypes.manage'), feature },
      schema: {
        tags: ['sessions'],
        summary: 'Create a class type',
        body: classTypeBody,
        response: { 201: classTypeView, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createClassType(app.deps.db, actorOf(request).id, request.body)),
  );

  r.patch(
    '/api/class-types/:id',
    {
      config: { access: access.to('classTypes.manage'), feature },
      schema: {
        tags: ['sessions'],
        summary: 'Change a class type (applies to sessions created from now on) or archive it',
        params: uuidParam,
        body: classTypePatch,
        response: { 200: classTypeView, ...commonErrors },
      },
    },
    async (request) =>
      updateClassType(app.deps.db, actorOf(request).id, request.params.id, request.body, app.deps.now()),
  );
}
