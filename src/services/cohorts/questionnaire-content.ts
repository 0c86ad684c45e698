import { and, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { cohortQuestionnaires } from '../../db/schema';
import type { Question, QuestionnaireContent } from '../../domain/cohorts/questionnaire';
import type { CohortRow } from './cohort-context';

/** A week's questions: its own row if a coach set it (or a client started it), else the cohort's default. */
export async function weekQuestionnaire(
  ex: Executor,
  cohort: CohortRow,
  week: number,
): Promise<QuestionnaireContent & { id: string | null }> {
  const [row] = await ex
    .select()
    .from(cohortQuestionnaires)
    .where(and(eq(cohortQuestionnaires.cohortId, cohort.id), eq(cohortQuestionnaires.week, week)));
  if (row) return { id: row.id, intro: row.intro, questions: row.questions as Question[] };
  const fallback = cohort.defaultQuestionnaire as QuestionnaireContent;
  return { id: null, intro: fallback.intro, questions: fallback.questions };
}

/**
 * The week's questionnaire row, created from the cohort default if it has none yet, and share-
 * locked: a coach changing the questions (who takes an exclusive lock) and a client saving
 * answers serialize, so answers are always checked against the questions they are stored with.
 */
export async function lockWeekQuestionnaire(tx: Tx, cohort: CohortRow, week: number, mode: 'share' | 'update') {
  const fallback = cohort.defaultQuestionnaire as QuestionnaireContent;
  await tx
    .insert(cohortQuestionnaires)
    .values({ cohortId: cohort.id, week, intro: fallback.intro, questions: fallback.questions })
    .onConflictDoNothing({ target: [cohortQuestionnaires.cohortId, cohortQuestionnaires.week] });
  const [row] = await tx
    .select()
    .from(cohortQuestionnaires)
    .where(and(eq(cohortQuestionnaires.cohortId, cohort.id), eq(cohortQuestionnaires.week, week)))
    .for(mode === 'share' ? 'share' : 'update');
  return { id: row!.id, intro: row!.intro, questions: row!.questions as Question[] };
}

/** All week rows of a cohort, by week. */
export async function loadWeekQuestionnaires(
  ex: Executor,
  cohortId: string,
): Promise<Map<number, QuestionnaireContent & { id: string }>> {
  const rows = await ex
    .select()
    .from(cohortQuestionnaires)
    .where(eq(cohortQuestionnaires.cohortId, cohortId))
    .orderBy(sql`${cohortQuestionnaires.week}`);
  return new Map(rows.map((r) => [r.week, { id: r.id, intro: r.intro, questions: r.questions as Question[] }]));
}
