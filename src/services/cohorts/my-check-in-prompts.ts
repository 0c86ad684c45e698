import type { Database } from '../../db/client';
import type { Actor } from '../../domain/access/roles';
import {
  DEFAULT_CHECK_IN_BACKFILL_DAYS,
  checkInWindow,
  type CheckInWindow,
} from '../../domain/cohorts/decide-check-in-date';
import type { PromptInForce } from '../../domain/cohorts/prompts';
import type { WeightUnit } from '../../domain/cohorts/weight-units';
import { localDateOf, type LocalDate } from '../../domain/time/studio-week';
import { loadPromptsInForce, studioTimeZone } from './cohort-context';
import { findMyCohort, myWeightUnit } from './my-cohort-membership';
import { findCheckIn, toCheckInView, type CheckInView } from './my-check-ins';

export interface MyCheckInPromptsView {
  /** Whose prompts these are: the client's cohort, or the studio defaults outside any cohort. */
  source: 'COHORT' | 'STUDIO_DEFAULT';
  cohort: { id: string; name: string } | null;
  prompts: PromptInForce[];
  weightUnit: WeightUnit;
  today: { date: LocalDate; checkIn: CheckInView | null; window: CheckInWindow };
}

/**
 * The prompts a client checks in against today — resolved exactly as `putMyCheckIn` validates
 * (their cohort's, else the studio defaults) — so a client outside any cohort can log too.
 */
export async function getMyCheckInPrompts(db: Database, actor: Actor, now: Date): Promise<MyCheckInPromptsView> {
  const [mine, timeZone, weightUnit] = await Promise.all([
    findMyCohort(db, actor.id),
    studioTimeZone(db),
    myWeightUnit(db, actor.id),
  ]);
  const today = localDateOf(now, timeZone);
  const [prompts, row] = await Promise.all([
    loadPromptsInForce(db, mine?.cohort.id ?? null),
    findCheckIn(db, actor.id, today),
  ]);
  return {
    source: mine ? 'COHORT' : 'STUDIO_DEFAULT',
    cohort: mine ? { id: mine.cohort.id, name: mine.cohort.name } : null,
    prompts,
    weightUnit,
    today: {
      date: today,
      checkIn: row ? toCheckInView(row, weightUnit) : null,
      window: checkInWindow(today, mine?.cohort.checkInBackfillDays ?? DEFAULT_CHECK_IN_BACKFILL_DAYS),
    },
  };
}
