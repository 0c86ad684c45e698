import type { Database } from '../db/client';
import { seedAppointments } from './appointments';
import { seedCohorts } from './cohorts';
import { seedCredits } from './credits';
import { seedSessions } from './sessions';

export interface DemoSeedContext {
  db: Database;
  now: Date;
  /** Demo account keys (see demo-accounts.ts) → user ids. */
  userIdByKey: Record<string, string>;
}

export type DemoSeedStep = (context: DemoSeedContext) => Promise<void>;

/** Each area's demo data, in order (plans before memberships before bookings; 1-on-1s after classes). */
export const demoSeedSteps: DemoSeedStep[] = [seedCredits, seedSessions, seedCohorts, seedAppointments];
