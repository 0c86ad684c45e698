import type { FastifyInstance } from 'fastify';
import creditRoutes from './credits';
import memberRoutes from './members';
import membershipRoutes from './memberships';
import planRoutes from './plans';

/** Every route of the memberships-and-credits area (not feature-flagged: plans and credits are always on). */
export default async function membershipAndCreditRoutes(app: FastifyInstance) {
  await planRoutes(app);
  await membershipRoutes(app);
  await creditRoutes(app);
  await memberRoutes(app);
}
