import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import { listStaff } from '../../../services/users/list-staff';
import { commonErrors } from '../../../contracts/common';
import { staffList } from '../../../contracts/account';

export default async function staffRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/staff',
    {
      config: { access: access.to('members.read') },
      schema: {
        tags: ['account'],
        summary: 'Active coaches and admins (for coach pickers and filters)',
        response: { 200: staffList, ...commonErrors },
      },
    },
    async () => ({
      staff: (await listStaff(app.deps.db)) as Array<{ id: string; name: string; role: 'COACH' | 'ADMIN' }>,
    }),
  );
}
