import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { cohortQuestionnaires, questionnaireResponses } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { decideQuestionnaireEdit } from '../../domain/cohorts/decide-questionnaire-edit';
import { normaliseQuestions } from '../../domain/cohorts/normalise-questions';
import type { QuestionInput, QuestionnaireContent } from '../../domain/cohorts/questionnaire';
import { DomainError } from '../../domain/shared/domain-error';
import { loadCohortAsCoach } from './cohort-context';
import { lockWeekQuestionnaire } from './questionnaire-content';

/**
 * A coach sets a week's questions. The week's row is locked exclusively, so a client saving
 * answers (who share-locks it) waits; once anyone has submitted the week, 409.
 */
export async function setWeekQuestionnaire(
  db: Database,
  actor: Actor,
  cohortId: string,
  week: number,
  input: { intro?: string; questions: QuestionInput[] },
  now: Date,
): Promise<QuestionnaireContent & { week: number; updatedAt: Date }> {
  return inTransaction(db, async (tx) => {
    const { cohort } = await loadCohortAsCoach(tx, actor, cohortId);
    const inRange = decideQuestionnaireEdit(cohort, week, 0);
    if (inRange instanceof DomainError) throw inRange;
    const current = await lockWeekQuestionnaire(tx, cohort, week, 'update');
    const [submitted] = await tx
      .select({ n: count() })
      .from(questionnaireResponses)
      .where(
        and(
          eq(questionnaireResponses.cohortId, cohortId),
          eq(questionnaireResponses.week, week),
          eq(questionnaireResponses.status, 'SUBMITTED'),
        ),
      );
    const decision = decideQuestionnaireEdit(cohort, week, Number(submitted?.n ?? 0));
    if (decision instanceof DomainError) throw decision;
    const questions = normaliseQuestions(input.questions, randomUUID);
    if (questions instanceof DomainError) throw questions;
    const intro = input.intro ?? current.intro;
    await tx
      .update(cohortQuestionnaires)
      .set({ intro, questions, updatedBy: actor.id, updatedAt: now })
      .where(eq(cohortQuestionnaires.id, current.id));
    return { week, intro, questions, updatedAt: now };
  });
}
