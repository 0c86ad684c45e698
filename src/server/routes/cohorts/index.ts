import type { FastifyInstance } from 'fastify';
import adminUserCohortRoutes from './admin-user-cohorts';
import cohortRoutes from './cohorts';
import myCohortRoutes from './me';
import cohortMemberRoutes from './members';

/** Every route of the cohorts area (all behind the `cohorts` feature flag). */
export default async function coachingCohortRoutes(app: FastifyInstance) {
  await cohortRoutes(app);
  await cohortMemberRoutes(app);
  await myCohortRoutes(app);
  await adminUserCohortRoutes(app);
}
