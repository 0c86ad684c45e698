import type { ComponentType } from 'react';
import type { Role } from '../features/auth/use-me';
import type { Feature } from '../features/studio/use-studio';
import { RecentNotificationsWidget } from '../features/home/recent-notifications-widget';
import { StudioPeopleWidget } from '../features/home/studio-people-widget';

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
  { id: 'studio-people', roles: ['ADMIN'], Component: StudioPeopleWidget },
  { id: 'recent-notifications', roles: ['CLIENT', 'COACH', 'ADMIN'], Component: RecentNotificationsWidget },
];
