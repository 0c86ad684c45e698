import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { checkInPrompts, cohorts, type CohortPromptRef } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { cohortEndDate } from '../../domain/cohorts/cohort-calendar';
import { normaliseQuestions } from '../../domain/cohorts/normalise-questions';
import type { QuestionInput, QuestionnaireContent } from '../../domain/cohorts/questionnaire';
import { DomainError } from '../../domain/shared/domain-error';
import { recordAudit } from '../audit/record-audit';
import { getCohortDetail, type CohortDetail } from './cohort-detail';
import { replaceCoachTeam, replaceCohortPrompts } from './cohort-settings';
import { findCohortType, standardQuestionnaire } from './cohort-types';
import { resolvePromptSelection, type PromptSelectionInput } from './prompt-selection';

export interface NewCohort {
  name: string;
  typeId?: string;
  startDate: string;
  /** 1–52, or null for open-ended; defaults to the type's length. */
  weeks?: number | null;
  coachIds: string[];
  leadCoachId?: string;
  capacity?: number | null;
  prompts?: PromptSelectionInput[];
  checkInCadenceDays?: number;
  checkInBackfillDays?: number;
  questionnaireOpensDaysBeforeWeekEnd?: number;
  checkInReminderTime?: string;
  defaultQuestionnaire?: { intro: string; questions: QuestionInput[] };
  status?: 'DRAFT' | 'ACTIVE';
}

export function toQuestionnaire(input: { intro: string; questions: QuestionInput[] }): QuestionnaireContent {
  const questions = normaliseQuestions(input.questions, randomUUID);
  if (questions instanceof DomainError) {
    throw new DomainError('VALIDATION_ERROR', `defaultQuestionnaire.${questions.message}`, questions.details);
  }
  return { intro: input.intro, questions };
}

/**
 * A coach or admin creates a cohort. A type supplies defaults (length, prompts, questionnaire —
 * copied in, so later edits of the type do not change running cohorts); without a type the
 * studio's default prompts and standard weekly questionnaire apply.
 */
export async function createCohort(db: Database, actor: Actor, input: NewCohort, now: Date): Promise<CohortDetail> {
  const id = await inTransaction(db, async (tx) => {
    const type = input.typeId ? await findCohortType(tx, input.typeId) : null;
    const weeks = input.weeks !== undefined ? input.weeks : type ? type.defaultWeeks : undefined;
    if (weeks === undefined) {
      throw new DomainError('VALIDATION_ERROR', 'weeks: give the length in weeks (1–52) or null for open-ended', {
        field: 'weeks',
      });
    }
    let prompts: CohortPromptRef[];
    if (input.prompts) prompts = await resolvePromptSelection(tx, actor.id, input.prompts);
    else if (type) prompts = type.prompts;
    else {
      const defaults = await tx
        .select({ key: checkInPrompts.key })
        .from(checkInPrompts)
        .where(eq(checkInPrompts.studioDefault, true))
        .orderBy(asc(checkInPrompts.position));
      prompts = defaults.map((d) => ({ key: d.key, required: false }));
    }
    const questionnaire: QuestionnaireContent = input.defaultQuestionnaire
      ? toQuestionnaire(input.defaultQuestionnaire)
      : (type?.questionnaire ?? (await standardQuestionnaire(tx)));
    const [row] = await tx
      .insert(cohorts)
      .values({
        name: input.name.trim(),
        typeId: type?.id ?? null,
        status: input.status ?? 'ACTIVE',
        startDate: input.startDate,
        weeks,
        endDate: cohortEndDate(input.startDate, weeks),
        capacity: input.capacity ?? null,
        checkInCadenceDays: input.checkInCadenceDays,
        checkInBackfillDays: input.checkInBackfillDays,
        questionnaireOpensDaysBeforeWeekEnd: input.questionnaireOpensDaysBeforeWeekEnd,
        checkInReminderTime: input.checkInReminderTime,
        defaultQuestionnaire: questionnaire,
        createdBy: actor.id,
      })
      .returning();
    await replaceCoachTeam(tx, actor, row!.id, input.coachIds, input.leadCoachId);
    await replaceCohortPrompts(tx, row!.id, prompts);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'cohort.created',
      targetType: 'cohort',
      targetId: row!.id,
      after: { name: row!.name, startDate: row!.startDate, weeks: row!.weeks, coachIds: input.coachIds },
    });
    return row!.id;
  });
  return getCohortDetail(db, actor, id, now);
}
