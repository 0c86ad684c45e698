import type { ReactNode } from 'react';
import type { Role } from '../features/auth/use-me';
import type { Feature } from '../features/studio/use-studio';
import { AuditLogPage } from '../features/admin/audit-log-page';
import { OutboxPage } from '../features/admin/outbox-page';
import { SettingsPage } from '../features/admin/settings-page';
import { UserDetailPage } from '../features/admin/user-detail-page';
import { UsersPage } from '../features/admin/users-page';
import { cohortRoutes } from '../features/cohorts/routes';
import { HomePage } from '../features/home/home-page';
import { NotificationsPage } from '../features/notifications/notifications-page';
import { ProfilePage } from '../features/profile/profile-page';
import { AdminPlansPage } from '../features/memberships/admin-plans-page';
import { ImportPage } from '../features/import/import-page';
import { MembersPage } from '../features/memberships/members-page';
import { MyMembershipPage } from '../features/memberships/my-membership-page';
import { PlansPage } from '../features/memberships/plans-page';
import { ClassTypesPage } from '../features/sessions/class-types-page';
import { ClassesPage } from '../features/sessions/classes-page';
import { MySchedulePage } from '../features/sessions/my-schedule-page';
import { NewSessionPage } from '../features/sessions/new-session-page';
import { ScheduleGeneratorPage } from '../features/sessions/schedule-generator-page';
import { SchedulePage } from '../features/sessions/schedule-page';
import { SessionPage } from '../features/sessions/session-page';

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
  { path: '/membership', element: <MyMembershipPage /> },
  { path: '/plans', element: <PlansPage /> },
  { path: '/members', element: <MembersPage />, roles: ['COACH', 'ADMIN'] },
  { path: '/admin/plans', element: <AdminPlansPage />, roles: ['ADMIN'] },
  { path: '/admin/users', element: <UsersPage />, roles: ['ADMIN'] },
  { path: '/admin/users/:id', element: <UserDetailPage />, roles: ['ADMIN'] },
  { path: '/admin/settings', element: <SettingsPage />, roles: ['ADMIN'] },
  { path: '/admin/audit-log', element: <AuditLogPage />, roles: ['ADMIN'] },
  { path: '/admin/outbox', element: <OutboxPage />, roles: ['ADMIN'] },
  { path: '/admin/import', element: <ImportPage />, roles: ['ADMIN'] },
];
