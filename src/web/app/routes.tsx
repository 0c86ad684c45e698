import type { ReactNode } from 'react';
import type { Role } from '../features/auth/use-me';
import type { Feature } from '../features/studio/use-studio';
import { appointmentRoutes } from '../features/appointments/routes';
import { cohortRoutes } from '../features/cohorts/routes';
import { lazyPage } from './lazy-page';

// Every page is its own chunk, fetched when its route opens: the first load carries only the shell.
const AuditLogPage = lazyPage(() => import('../features/admin/audit-log-page'), 'AuditLogPage');
const OutboxPage = lazyPage(() => import('../features/admin/outbox-page'), 'OutboxPage');
const SettingsPage = lazyPage(() => import('../features/admin/settings-page'), 'SettingsPage');
const UserDetailPage = lazyPage(() => import('../features/admin/user-detail-page'), 'UserDetailPage');
const UsersPage = lazyPage(() => import('../features/admin/users-page'), 'UsersPage');
const HomePage = lazyPage(() => import('../features/home/home-page'), 'HomePage');
const NotificationsPage = lazyPage(() => import('../features/notifications/notifications-page'), 'NotificationsPage');
const ProfilePage = lazyPage(() => import('../features/profile/profile-page'), 'ProfilePage');
const AdminPlansPage = lazyPage(() => import('../features/memberships/admin-plans-page'), 'AdminPlansPage');
const ImportPage = lazyPage(() => import('../features/import/import-page'), 'ImportPage');
const MembersPage = lazyPage(() => import('../features/memberships/members-page'), 'MembersPage');
const MyMembershipPage = lazyPage(() => import('../features/memberships/my-membership-page'), 'MyMembershipPage');
const PaymentReceivedPage = lazyPage(() => import('../features/payments/payment-received-page'), 'PaymentReceivedPage');
const AdminPaymentsPage = lazyPage(() => import('../features/payments/admin-payments-page'), 'AdminPaymentsPage');
const PlansPage = lazyPage(() => import('../features/memberships/plans-page'), 'PlansPage');
const ClassTypesPage = lazyPage(() => import('../features/sessions/class-types-page'), 'ClassTypesPage');
const ClassesPage = lazyPage(() => import('../features/sessions/classes-page'), 'ClassesPage');
const MySchedulePage = lazyPage(() => import('../features/sessions/my-schedule-page'), 'MySchedulePage');
const NewSessionPage = lazyPage(() => import('../features/sessions/new-session-page'), 'NewSessionPage');
const ScheduleGeneratorPage = lazyPage(
  () => import('../features/sessions/schedule-generator-page'),
  'ScheduleGeneratorPage',
);
const SchedulePage = lazyPage(() => import('../features/sessions/schedule-page'), 'SchedulePage');
const ClientPage = lazyPage(() => import('../features/people/client-page'), 'ClientPage');
const SessionPage = lazyPage(() => import('../features/sessions/session-page'), 'SessionPage');

export interface AppRoute {
  path: string;
  element: ReactNode;
  /** Only these roles; others are sent home with a notice. Omitted = every signed-in person. */
  roles?: Role[];
  /** While this feature is off the page redirects home with a notice. */
  feature?: Feature;
}

/** Every signed-in page. Areas add theirs here (with `feature` when they belong to one). */
export const appRoutes: AppRoute[] = [
  { path: '/', element: <HomePage /> },
  { path: '/profile', element: <ProfilePage /> },
  { path: '/notifications', element: <NotificationsPage /> },
  { path: '/classes', element: <ClassesPage />, roles: ['CLIENT'], feature: 'sessions' },
  { path: '/classes/:id', element: <SessionPage />, feature: 'sessions' },
  { path: '/my-schedule', element: <MySchedulePage />, roles: ['CLIENT'], feature: 'sessions' },
  { path: '/schedule', element: <SchedulePage />, roles: ['COACH', 'ADMIN'], feature: 'sessions' },
  { path: '/schedule/new', element: <NewSessionPage />, roles: ['COACH', 'ADMIN'], feature: 'sessions' },
  { path: '/schedule/series/new', element: <ScheduleGeneratorPage />, roles: ['COACH', 'ADMIN'], feature: 'sessions' },
  { path: '/schedule/class-types', element: <ClassTypesPage />, roles: ['COACH', 'ADMIN'], feature: 'sessions' },
  ...cohortRoutes,
  ...appointmentRoutes,
  { path: '/membership', element: <MyMembershipPage /> },
  { path: '/plans', element: <PlansPage /> },
  { path: '/payments/:id', element: <PaymentReceivedPage /> },
  { path: '/members', element: <MembersPage />, roles: ['COACH', 'ADMIN'] },
  { path: '/clients/:id', element: <ClientPage />, roles: ['COACH', 'ADMIN'] },
  { path: '/admin/plans', element: <AdminPlansPage />, roles: ['ADMIN'] },
  { path: '/admin/payments', element: <AdminPaymentsPage />, roles: ['ADMIN'] },
  { path: '/admin/users', element: <UsersPage />, roles: ['ADMIN'] },
  { path: '/admin/users/:id', element: <UserDetailPage />, roles: ['ADMIN'] },
  { path: '/admin/settings', element: <SettingsPage />, roles: ['ADMIN'] },
  { path: '/admin/audit-log', element: <AuditLogPage />, roles: ['ADMIN'] },
  { path: '/admin/outbox', element: <OutboxPage />, roles: ['ADMIN'] },
  { path: '/admin/import', element: <ImportPage />, roles: ['ADMIN'] },
];
