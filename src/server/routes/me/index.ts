import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import { actorOf } from '../../plugins/access';
import { errorBody } from '../../../contracts/common';
import { meView } from '../../../contracts/account';

export default async function meRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/me',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['account'],
        summary: 'The signed-in user',
        response: {
          200: meView,
          401: errorBody,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return { id: actor.id, name: request.sessionUser!.name, email: request.sessionUser!.email, role: actor.role };
    },
  );
}
