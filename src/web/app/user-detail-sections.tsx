import type { ComponentType } from 'react';
import type { Feature } from '../features/studio/use-studio';
import { UserAppointmentsSection } from '../features/appointments/user-appointments-section';
import { UserAuditSection } from '../features/admin/user-audit-section';
import { UserCohortSection } from '../features/cohorts/user-cohort-section';
import { UserCreditsSection } from '../features/memberships/user-credits-section';
import { UserBookingsSection } from '../features/sessions/user-bookings-section';

export interface UserDetailSection {
  id: string;
  /** Hidden while this feature is off. */
  feature?: Feature;
  Component: ComponentType<{ userId: string }>;
}

/**
 * The sections of the admin's page about one user (/admin/users/:id), in order. Areas add
 * theirs (memberships and credits, bookings, cohort) here.
 */
export const userDetailSections: UserDetailSection[] = [
  { id: 'memberships-and-credits', Component: UserCreditsSection },
  { id: 'bookings', feature: 'sessions', Component: UserBookingsSection },
  { id: 'appointments', feature: 'appointments', Component: UserAppointmentsSection },
  { id: 'cohort', feature: 'cohorts', Component: UserCohortSection },
  { id: 'audit', Component: UserAuditSection },
];
