import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { checkInPrompts, cohortCoaches, cohortPrompts, cohorts, users } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { requireCohortCoach } from '../../domain/cohorts/cohort-access';
import type { QuestionnaireSchedule } from '../../domain/cohorts/questionnaire-window';
import type { PromptDefinition, PromptInForce } from '../../domain/cohorts/prompts';
import { DomainError } from '../../domain/shared/domain-error';
import { loadSettings } from '../settings/settings-service';

export type CohortRow = typeof cohorts.$inferSelect;
export interface CoachView {
  id: string;
  name: string;
  isLead: boolean;
}

/** The studio time zone, read per use (never cached: a change applies at once on every instance). */
export async function studioTimeZone(ex: Executor): Promise<string> {
  return (await loadSettings(ex))['studio.timezone'];
}

export const scheduleOf = (
  c: Pick<CohortRow, 'startDate' | 'weeks' | 'questionnaireOpensDaysBeforeWeekEnd'>,
): QuestionnaireSchedule => ({
  startDate: c.startDate,
  weeks: c.weeks,
  questionnaireOpensDaysBeforeWeekEnd: c.questionnaireOpensDaysBeforeWeekEnd,
});

export async function loadCohortCoaches(ex: Executor, cohortIds: readonly string[]): Promise<Map<string, CoachView[]>> {
  const byCohort = new Map<string, CoachView[]>(cohortIds.map((id) => [id, []]));
  if (cohortIds.length === 0) return byCohort;
  const rows = await ex
    .select({ cohortId: cohortCoaches.cohortId, id: users.id, name: users.name, isLead: cohortCoaches.isLead })
    .from(cohortCoaches)
    .innerJoin(users, eq(users.id, cohortCoaches.coachId))
    .where(inArray(cohortCoaches.cohortId, [...cohortIds]))
    .orderBy(asc(cohortCoaches.addedAt), asc(users.name));
  for (const r of rows) byCohort.get(r.cohortId)?.push({ id: r.id, name: r.name, isLead: r.isLead });
  for (const list of byCohort.values()) list.sort((a, b) => Number(b.isLead) - Number(a.isLead));
  return byCohort;
}

/**
 * Loads a cohort for a coach or admin: 404 COHORT_NOT_FOUND when it does not exist, 403 when
 * the caller does not coach it. `forUpdate` locks the row (edits, enrolments).
 */
export async function loadCohortAsCoach(
  ex: Executor,
  actor: Actor,
  cohortId: string,
  options: { forUpdate?: boolean } = {},
) {
  const query = ex.select().from(cohorts).where(eq(cohorts.id, cohortId));
  const [cohort] = options.forUpdate ? await query.for('update') : await query;
  if (!cohort) throw new DomainError('COHORT_NOT_FOUND', 'There is no such cohort');
  const coaches = (await loadCohortCoaches(ex, [cohort.id])).get(cohort.id) ?? [];
  requireCohortCoach(
    actor,
    coaches.map((c) => c.id),
  );
  return { cohort, coaches };
}

export function toPromptDefinition(row: typeof checkInPrompts.$inferSelect): PromptDefinition {
  return {
    key: row.key,
    label: row.label,
    kind: row.kind,
    unit: row.unit,
    min: row.minValue,
    max: row.maxValue,
    better: row.better,
  };
}

/** The prompts a cohort asks, in order; without a cohort, the studio's default prompts (all optional). */
export async function loadPromptsInForce(ex: Executor, cohortId: string | null): Promise<PromptInForce[]> {
  if (cohortId === null) {
    const rows = await ex
      .select()
      .from(checkInPrompts)
      .where(eq(checkInPrompts.studioDefault, true))
      .orderBy(asc(checkInPrompts.position));
    return rows.map((r) => ({ ...toPromptDefinition(r), required: false }));
  }
  const rows = await ex
    .select({ prompt: checkInPrompts, required: cohortPrompts.required })
    .from(cohortPrompts)
    .innerJoin(checkInPrompts, eq(checkInPrompts.key, cohortPrompts.promptKey))
    .where(eq(cohortPrompts.cohortId, cohortId))
    .orderBy(asc(cohortPrompts.position));
  return rows.map((r) => ({ ...toPromptDefinition(r.prompt), required: r.required }));
}

export async function loadPromptCatalogue(
  ex: Executor,
): Promise<Array<PromptDefinition & { builtIn: boolean; studioDefault: boolean }>> {
  const rows = await ex.select().from(checkInPrompts).orderBy(asc(checkInPrompts.position), asc(checkInPrompts.label));
  return rows.map((r) => ({ ...toPromptDefinition(r), builtIn: r.builtIn, studioDefault: r.studioDefault }));
}

/** Users by id (name, email, role, whether deactivated). */
export async function loadUsers(ex: Executor, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; email: string; role: string; banned: boolean }>();
  const rows = await ex
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, banned: users.banned })
    .from(users)
    .where(inArray(users.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r]));
}
