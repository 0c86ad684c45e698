import type { LucideIcon } from 'lucide-react';
import {
  Bell,
  CalendarCheck,
  CalendarDays,
  Home,
  ScrollText,
  Settings,
  Mail,
  Target,
  UserRound,
  Users,
} from 'lucide-react';
import {
  BadgePoundSterling,
  CalendarClock,
  CalendarPlus,
  Clock,
  Contact,
  Dumbbell,
  Upload,
  CreditCard,
  Wallet,
} from 'lucide-react';
import type { Role } from '../features/auth/use-me';
import type { Feature } from '../features/studio/use-studio';

export interface NavItem {
  to: string;
  label: string;
  icon: LucideIcon;
  roles: Role[];
  /** Hidden while this feature flag is off. */
  feature?: Feature;
  /** 'main' items are the phone's bottom bar (first four that apply); 'admin' go under Admin. */
  section: 'main' | 'admin' | 'account';
}

const everyone: Role[] = ['CLIENT', 'COACH', 'ADMIN'];

/**
 * Every navigation entry of the app. Areas add theirs here; the shell shows only the ones the
 * person's role may see and whose feature is on — never a placeholder.
 */
export const navItems: NavItem[] = [
  { to: '/', label: 'Home', icon: Home, roles: everyone, section: 'main' },
  { to: '/classes', label: 'Classes', icon: CalendarDays, roles: ['CLIENT'], feature: 'sessions', section: 'main' },
  {
    to: '/my-schedule',
    label: 'My schedule',
    icon: CalendarCheck,
    roles: ['CLIENT'],
    feature: 'sessions',
    section: 'main',
  },
  {
    to: '/schedule',
    label: 'Schedule',
    icon: CalendarDays,
    roles: ['COACH', 'ADMIN'],
    feature: 'sessions',
    section: 'main',
  },
  { to: '/cohort', label: 'My cohort', icon: Target, roles: ['CLIENT'], feature: 'cohorts', section: 'main' },
  { to: '/cohorts', label: 'Cohorts', icon: Target, roles: ['COACH', 'ADMIN'], feature: 'cohorts', section: 'main' },
  {
    to: '/book',
    label: 'Book a 1-on-1',
    icon: CalendarPlus,
    roles: ['CLIENT'],
    feature: 'appointments',
    section: 'main',
  },
  {
    to: '/appointments/calendar',
    label: 'My calendar',
    icon: CalendarClock,
    roles: ['COACH'],
    feature: 'appointments',
    section: 'main',
  },
  {
    to: '/appointments/calendar',
    label: '1-on-1 calendar',
    icon: CalendarClock,
    roles: ['ADMIN'],
    feature: 'appointments',
    section: 'main',
  },
  {
    to: '/appointments/availability',
    label: 'My availability',
    icon: Clock,
    roles: ['COACH', 'ADMIN'],
    feature: 'appointments',
    section: 'main',
  },
  { to: '/membership', label: 'Membership', icon: Wallet, roles: ['CLIENT'], section: 'main' },
  { to: '/members', label: 'Members', icon: Contact, roles: ['COACH', 'ADMIN'], section: 'main' },
  { to: '/admin/users', label: 'Users', icon: Users, roles: ['ADMIN'], section: 'admin' },
  { to: '/admin/plans', label: 'Plans', icon: BadgePoundSterling, roles: ['ADMIN'], section: 'admin' },
  {
    to: '/admin/appointment-services',
    label: '1-on-1 services',
    icon: Dumbbell,
    roles: ['ADMIN'],
    feature: 'appointments',
    section: 'admin',
  },
  { to: '/admin/payments', label: 'Payments', icon: CreditCard, roles: ['ADMIN'], section: 'admin' },
  { to: '/admin/settings', label: 'Settings', icon: Settings, roles: ['ADMIN'], section: 'admin' },
  { to: '/admin/audit-log', label: 'Audit log', icon: ScrollText, roles: ['ADMIN'], section: 'admin' },
  { to: '/admin/outbox', label: 'Email outbox', icon: Mail, roles: ['ADMIN'], section: 'admin' },
  { to: '/admin/import', label: 'Move from TeamUp', icon: Upload, roles: ['ADMIN'], section: 'admin' },
  { to: '/notifications', label: 'Notifications', icon: Bell, roles: everyone, section: 'account' },
  { to: '/profile', label: 'Profile', icon: UserRound, roles: everyone, section: 'account' },
];
