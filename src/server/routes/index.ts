import type { FastifyInstance } from 'fastify';
import adminAuditAndOutboxRoutes from './admin/audit-and-outbox';
import adminUserRoutes from './admin/users';
import adminImportRoutes from './admin/import';
import healthRoutes from './health';
import meRoutes from './me';
import notificationRoutes from './notifications';
import settingsRoutes from './settings';
import staffRoutes from './staff';
import groupSessionRoutes from './sessions';
import membershipAndCreditRoutes from './credits';
import coachingCohortRoutes from './cohorts';
import oneOnOneAppointmentRoutes from './appointments';
import paymentRoutes from './payments';
import pushNotificationRoutes from './push';
import peopleRoutes from './people';

/** Every API route module. Each area adds its own here. */
export const apiRoutes: Array<(app: FastifyInstance) => Promise<void>> = [
  healthRoutes,
  meRoutes,
  settingsRoutes,
  staffRoutes,
  adminUserRoutes,
  adminAuditAndOutboxRoutes,
  notificationRoutes,
  groupSessionRoutes,
  membershipAndCreditRoutes,
  coachingCohortRoutes,
  adminImportRoutes,
  oneOnOneAppointmentRoutes,
  paymentRoutes,
  pushNotificationRoutes,
  peopleRoutes,
];
