import type { ComponentType } from 'react';
import type { Role } from '../features/auth/use-me';
import type { Feature } from '../features/studio/use-studio';
import { NextAppointmentWidget } from '../features/appointments/home-widget';
import { RecentNotificationsWidget } from '../features/home/recent-notifications-widget';
import { NewSignUpsWidget } from '../features/home/new-sign-ups-widget';
import { StudioPeopleWidget } from '../features/home/studio-people-widget';
import { MyCreditsWidget } from '../features/memberships/credits-widget';
import { NextClassWidget, TodaysClassesWidget } from '../features/sessions/home-widgets';
import { MyCohortWidget, ReviewsWaitingWidget } from '../features/cohorts/home-widgets';

export interface DashboardWidget {
  id: string;
  roles: Role[];
  /** Hidden while this feature is off. */
  feature?: Feature;
  /** 'wide' spans the whole row on large screens. */
  size?: 'normal' | 'wide';
  Component: ComponentType;
}

/** The home page's widgets, in order. Areas add theirs here (e.g. "Next class", "This week's check-ins"). */
export const dashboardWidgets: DashboardWidget[] = [
  { id: 'next-class', roles: ['CLIENT'], feature: 'sessions', Component: NextClassWidget },
  { id: 'todays-classes', roles: ['COACH', 'ADMIN'], feature: 'sessions', Component: TodaysClassesWidget },
  { id: 'next-appointment', roles: ['CLIENT'], feature: 'appointments', Component: NextAppointmentWidget },
  { id: 'my-cohort', roles: ['CLIENT'], feature: 'cohorts', Component: MyCohortWidget },
  { id: 'cohort-reviews', roles: ['COACH', 'ADMIN'], feature: 'cohorts', Component: ReviewsWaitingWidget },
  { id: 'my-credits', roles: ['CLIENT'], Component: MyCreditsWidget },
  { id: 'studio-people', roles: ['ADMIN'], Component: StudioPeopleWidget },
  { id: 'new-sign-ups', roles: ['ADMIN'], Component: NewSignUpsWidget },
  { id: 'recent-notifications', roles: ['CLIENT', 'COACH', 'ADMIN'], Component: RecentNotificationsWidget },
];
