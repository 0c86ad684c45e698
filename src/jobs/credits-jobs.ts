import type { Database } from '../db/client';
import type { AppDeps } from '../server/types';
import { runWeeklyAllocation } from '../services/credits/allocate-weekly-credits';
import { expireCredits } from '../services/credits/expire-credits';
import { runMembershipPauses } from '../services/credits/membership-pauses';
import type { ScheduledJob } from './scheduler';

/**
 * Start and end the pauses booked for dates first (a membership paused today gets no weekly
 * credits), expire what ran out (unused weekly credits, packs past expiry, finished prepaid terms), then
 * grant every active membership's weekly credits for the current and bookable weeks. Both steps
 * are idempotent (conditional updates, the (membership, week) unique key), so every instance
 * runs it; a missed hour is caught up by the next run.
 */
export async function allocateCredits(db: Database, now: Date) {
  const pauses = await runMembershipPauses(db, now);
  const expired = await expireCredits(db, now);
  const allocated = await runWeeklyAllocation(db, now);
  return { ...pauses, ...expired, grantsCreated: allocated.created };
}

export function creditsJobs(deps: AppDeps): ScheduledJob[] {
  return [{ name: 'allocate-credits', everyMs: 60 * 60_000, run: (now) => allocateCredits(deps.db, now) }];
}
