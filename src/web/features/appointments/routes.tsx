import { lazyPage } from '../../app/lazy-page';
import type { AppRoute } from '../../app/routes';

// Each appointments page is its own chunk (see app/routes.tsx).
const BookAppointmentPage = lazyPage(() => import('./book-page'), 'BookAppointmentPage');
const AppointmentCalendarPage = lazyPage(() => import('./calendar-page'), 'AppointmentCalendarPage');
const AvailabilityPage = lazyPage(() => import('./availability-page'), 'AvailabilityPage');
const ServicesPage = lazyPage(() => import('./services-page'), 'ServicesPage');

const staff: AppRoute['roles'] = ['COACH', 'ADMIN'];

/** The 1-on-1 pages, all behind the 'appointments' feature flag (off by default). */
export const appointmentRoutes: AppRoute[] = [
  { path: '/book', element: <BookAppointmentPage />, roles: ['CLIENT'], feature: 'appointments' },
  { path: '/appointments/calendar', element: <AppointmentCalendarPage />, roles: staff, feature: 'appointments' },
  { path: '/appointments/availability', element: <AvailabilityPage />, roles: staff, feature: 'appointments' },
  { path: '/admin/appointment-services', element: <ServicesPage />, roles: ['ADMIN'], feature: 'appointments' },
];
