import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { checkIns, clientCheckInPreferences } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { DEFAULT_CHECK_IN_BACKFILL_DAYS, decideCheckInDate } from '../../domain/cohorts/decide-check-in-date';
import { WEIGHT_PROMPT_KEY, type CheckInValues } from '../../domain/cohorts/prompts';
import { validateCheckInValues } from '../../domain/cohorts/validate-check-in-values';
import { displayWeight, type WeightDisplay, type WeightUnit } from '../../domain/cohorts/weight-units';
import { DomainError } from '../../domain/shared/domain-error';
import { addLocalDays, localDateOf, localDaysBetween, type LocalDate } from '../../domain/time/studio-week';
import { loadPromptsInForce, studioTimeZone } from './cohort-context';
import { findMyCohort, myWeightUnit } from './my-cohort-membership';

export interface CheckInView {
  date: LocalDate;
  /** Answers by prompt key; weight in kg. */
  values: CheckInValues;
  /** Weight as this client reads it (their unit), when they entered one. */
  weight: WeightDisplay | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toCheckInView(row: typeof checkIns.$inferSelect, unit: WeightUnit): CheckInView {
  const kg = row.values[WEIGHT_PROMPT_KEY];
  return {
    date: row.date,
    values: row.values,
    weight: typeof kg === 'number' ? displayWeight(kg, unit) : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function findCheckIn(ex: Executor, userId: string, date: LocalDate) {
  const [row] = await ex
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.userId, userId), eq(checkIns.date, date)));
  return row ?? null;
}

/**
 * A client enters or edits their check-in for a studio-local date. The prompts and the backfill
 * window come from their cohort (studio defaults outside one); one row per (client, date) —
 * the unique index makes a double submit an edit, never a duplicate.
 */
export async function putMyCheckIn(
  db: Database,
  actor: Actor,
  date: LocalDate,
  rawValues: Record<string, unknown>,
  now: Date,
): Promise<CheckInView> {
  return inTransaction(db, async (tx) => {
    const today = localDateOf(now, await studioTimeZone(tx));
    const mine = await findMyCohort(tx, actor.id);
    const allowed = decideCheckInDate(date, today, mine?.cohort.checkInBackfillDays ?? DEFAULT_CHECK_IN_BACKFILL_DAYS);
    if (allowed instanceof DomainError) throw allowed;
    const values = validateCheckInValues(rawValues, await loadPromptsInForce(tx, mine?.cohort.id ?? null));
    if (values instanceof DomainError) throw values;
    const cohortId = mine?.current ? mine.cohort.id : null;
    const [row] = await tx
      .insert(checkIns)
      .values({ userId: actor.id, date, values, cohortId, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: [checkIns.userId, checkIns.date], set: { values, cohortId, updatedAt: now } })
      .returning();
    return toCheckInView(row!, await myWeightUnit(tx, actor.id));
  });
}

export const MAX_CHECK_IN_RANGE_DAYS = 400;

/** The client's own check-ins between two dates (default: the last 4 weeks), oldest first. */
export async function listMyCheckIns(
  db: Database,
  actor: Actor,
  range: { from?: LocalDate; to?: LocalDate },
  now: Date,
) {
  const to = range.to ?? localDateOf(now, await studioTimeZone(db));
  const from = range.from ?? addLocalDays(to, -27);
  if (from > to) throw new DomainError('VALIDATION_ERROR', 'from: must not be after to', { field: 'from' });
  if (localDaysBetween(from, to) >= MAX_CHECK_IN_RANGE_DAYS) {
    throw new DomainError('VALIDATION_ERROR', `from: ask for at most ${MAX_CHECK_IN_RANGE_DAYS} days at a time`, {
      field: 'from',
    });
  }
  const [rows, weightUnit] = await Promise.all([
    db
      .select()
      .from(checkIns)
      .where(and(eq(checkIns.userId, actor.id), gte(checkIns.date, from), lte(checkIns.date, to)))
      .orderBy(asc(checkIns.date)),
    myWeightUnit(db, actor.id),
  ]);
  return { from, to, weightUnit, checkIns: rows.map((r) => toCheckInView(r, weightUnit)) };
}

/** How the client enters and reads their weight. */
export async function setMyCheckInPreferences(
  db: Database,
  actor: Actor,
  input: { weightUnit: WeightUnit },
  now: Date,
) {
  await db
    .insert(clientCheckInPreferences)
    .values({ userId: actor.id, weightUnit: input.weightUnit, updatedAt: now })
    .onConflictDoUpdate({
      target: clientCheckInPreferences.userId,
      set: { weightUnit: input.weightUnit, updatedAt: sql`excluded.updated_at` },
    });
  return { weightUnit: input.weightUnit };
}
