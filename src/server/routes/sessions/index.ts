import type { FastifyInstance } from 'fastify';
import adminUserRegistrationRoutes from './admin-user-registrations';
import classTypeRoutes from './class-types';
import mySessionRoutes from './me';
import registrationRoutes from './registrations';
import sessionRoutes from './sessions';

/** Every route of the group-sessions area (all behind the `sessions` feature flag). */
export default async function groupSessionRoutes(app: FastifyInstance) {
  await classTypeRoutes(app);
  await sessionRoutes(app);
  await registrationRoutes(app);
  await mySessionRoutes(app);
  await adminUserRegistrationRoutes(app);
}
