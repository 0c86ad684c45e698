import type { FastifyInstance } from 'fastify';
import appointmentRoutes from './appointments';
import availabilityRoutes from './availability';
import appointmentCalendarRoutes from './calendars';
import appointmentServiceRoutes from './services';

/** Every route of the 1-on-1 appointments area (all behind the `appointments` feature flag). */
export default async function oneOnOneAppointmentRoutes(app: FastifyInstance) {
  await appointmentServiceRoutes(app);
  await availabilityRoutes(app);
  await appointmentRoutes(app);
  await appointmentCalendarRoutes(app);
}
