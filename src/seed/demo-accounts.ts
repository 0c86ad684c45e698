import type { Role } from '../domain/access/roles';

/** The demo studio's accounts (listed in the README). All share one password. */
export const DEMO_PASSWORD = 'roster-demo-2026';

export const DEMO_ACCOUNTS: ReadonlyArray<{ key: string; name: string; email: string; role: Role }> = [
  { key: 'admin', name: 'Alex Morgan', email: 'admin@roster.test', role: 'ADMIN' },
  { key: 'coach1', name: 'Gav Cunningham', email: 'gav@roster.test', role: 'COACH' },
  { key: 'coach2', name: 'Clare Cuming', email: 'clare@roster.test', role: 'COACH' },
  { key: 'client1', name: 'Sam Patel', email: 'sam@roster.test', role: 'CLIENT' },
  { key: 'client2', name: 'Jordan Reid', email: 'jordan@roster.test', role: 'CLIENT' },
  { key: 'client3', name: 'Priya Shah', email: 'priya@roster.test', role: 'CLIENT' },
  { key: 'client4', name: 'Tom Fletcher', email: 'tom@roster.test', role: 'CLIENT' },
  { key: 'client5', name: 'Megan Lewis', email: 'megan@roster.test', role: 'CLIENT' },
  { key: 'client6', name: 'Chris Doyle', email: 'chris@roster.test', role: 'CLIENT' },
];
