import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { cohortTypes, users, type CohortPromptRef } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { normaliseQuestions } from '../../domain/cohorts/normalise-questions';
import type { QuestionInput, QuestionnaireContent } from '../../domain/cohorts/questionnaire';
import { DomainError } from '../../domain/shared/domain-error';
import { recordAudit } from '../audit/record-audit';
import { loadPromptCatalogue } from './cohort-context';
import { resolvePromptSelection, type PromptSelectionInput } from './prompt-selection';
import { isUniqueViolation } from '../../db/errors';

export interface CohortTypeView {
  id: string;
  name: string;
  description: string;
  defaultWeeks: number | null;
  prompts: CohortPromptRef[];
  questionnaire: QuestionnaireContent;
  builtIn: boolean;
}

const toView = (r: typeof cohortTypes.$inferSelect): CohortTypeView => ({
  id: r.id,
  name: r.name,
  description: r.description,
  defaultWeeks: r.defaultWeeks,
  prompts: r.defaultPrompts,
  questionnaire: r.defaultQuestionnaire as QuestionnaireContent,
  builtIn: r.builtIn,
});

/** Cohort types plus what a cohort form picks from: the prompt catalogue and the people who can coach. */
export async function listCohortTypes(db: Database) {
  const [rows, promptCatalogue, coaches] = await Promise.all([
    db.select().from(cohortTypes).orderBy(asc(cohortTypes.createdAt), asc(cohortTypes.name)),
    loadPromptCatalogue(db),
    db
      .select({ id: users.id, name: users.name, role: users.role })
      .from(users)
      .where(and(inArray(users.role, ['COACH', 'ADMIN']), eq(users.banned, false)))
      .orderBy(asc(users.name)),
  ]);
  return {
    cohortTypes: rows.map(toView),
    promptCatalogue,
    coaches: coaches.map((c) => ({ ...c, role: c.role as 'COACH' | 'ADMIN' })),
  };
}

export async function findCohortType(ex: Executor, id: string): Promise<CohortTypeView> {
  const [row] = await ex.select().from(cohortTypes).where(eq(cohortTypes.id, id));
  if (!row) throw new DomainError('COHORT_TYPE_NOT_FOUND', 'There is no such cohort type');
  return toView(row);
}

/** The questionnaire a type starts with when none is given: the studio's standard one (from the first built-in type). */
export async function standardQuestionnaire(ex: Executor): Promise<QuestionnaireContent> {
  const [first] = await ex
    .select()
    .from(cohortTypes)
    .where(eq(cohortTypes.builtIn, true))
    .orderBy(asc(cohortTypes.createdAt))
    .limit(1);
  return (first?.defaultQuestionnaire as QuestionnaireContent | undefined) ?? { intro: '', questions: [] };
}

export interface NewCohortType {
  name: string;
  description?: string;
  defaultWeeks: number | null;
  prompts?: PromptSelectionInput[];
  questionnaire?: { intro: string; questions: QuestionInput[] };
}

/** An admin adds a custom cohort type (audited). */
export async function createCohortType(db: Database, actor: Actor, input: NewCohortType): Promise<CohortTypeView> {
  try {
    return await inTransaction(db, async (tx) => {
      const prompts = input.prompts ? await resolvePromptSelection(tx, actor.id, input.prompts) : [];
      let questionnaire = await standardQuestionnaire(tx);
      if (input.questionnaire) {
        const questions = normaliseQuestions(input.questionnaire.questions, randomUUID);
        if (questions instanceof DomainError) throw questions;
        questionnaire = { intro: input.questionnaire.intro, questions };
      }
      const [row] = await tx
        .insert(cohortTypes)
        .values({
          name: input.name.trim(),
          description: input.description?.trim() ?? '',
          defaultWeeks: input.defaultWeeks,
          defaultPrompts: prompts,
          defaultQuestionnaire: questionnaire,
          createdBy: actor.id,
        })
        .returning();
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'cohort_type.created',
        targetType: 'cohort_type',
        targetId: row!.id,
        after: { name: row!.name, defaultWeeks: row!.defaultWeeks },
      });
      return toView(row!);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'cohort_types_name_uq'))
      throw new DomainError('COHORT_TYPE_EXISTS', `There is already a cohort type called "${input.name.trim()}"`);
    throw error;
  }
}
