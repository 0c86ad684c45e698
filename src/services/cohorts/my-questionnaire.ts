import { and, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { inTransaction } from '../../db/in-transaction';
import { cohortQuestionnaires, questionnaireResponses } from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { checkWeekInRange } from '../../domain/cohorts/check-week-in-range';
import type { Answers, Question } from '../../domain/cohorts/questionnaire';
import {
  questionnaireStatus,
  questionnaireWindow,
  type QuestionnaireStatus,
} from '../../domain/cohorts/questionnaire-window';
import { validateQuestionnaireAnswers } from '../../domain/cohorts/validate-questionnaire-answers';
import { DomainError } from '../../domain/shared/domain-error';
import { scheduleOf, studioTimeZone, type CohortRow } from './cohort-context';
import { findMyCohort } from './my-cohort-membership';
import { lockWeekQuestionnaire, weekQuestionnaire } from './questionnaire-content';

export interface MyQuestionnaireView {
  cohortId: string;
  week: number;
  status: QuestionnaireStatus;
  opensAt: Date;
  closesAt: Date;
  intro: string;
  questions: Question[];
  /** The saved draft or the submitted answers ({} when nothing is saved). */
  answers: Answers;
  submittedAt: Date | null;
  savedAt: Date | null;
}

type ResponseRow = typeof questionnaireResponses.$inferSelect;

async function findResponse(ex: Executor, cohortId: string, week: number, userId: string): Promise<ResponseRow | null> {
  const [row] = await ex
    .select()
    .from(questionnaireResponses)
    .where(
      and(
        eq(questionnaireResponses.cohortId, cohortId),
        eq(questionnaireResponses.week, week),
        eq(questionnaireResponses.userId, userId),
      ),
    );
  return row ?? null;
}

async function requireMyCohortWeek(ex: Executor, userId: string, week: number): Promise<CohortRow> {
  const mine = await findMyCohort(ex, userId);
  if (!mine) throw new DomainError('NOT_IN_COHORT', 'You are not in a cohort');
  const outOfRange = checkWeekInRange(mine.cohort, week);
  if (outOfRange) throw outOfRange;
  return mine.cohort;
}

async function view(
  ex: Executor,
  cohort: CohortRow,
  week: number,
  response: ResponseRow | null,
  now: Date,
): Promise<MyQuestionnaireView> {
  const window = questionnaireWindow(scheduleOf(cohort), week, await studioTimeZone(ex));
  let content: { intro: string; questions: Question[] };
  if (response) {
    // The questions the client answered are the ones stored with the response.
    const [row] = await ex
      .select()
      .from(cohortQuestionnaires)
      .where(eq(cohortQuestionnaires.id, response.questionnaireId));
    content = { intro: row!.intro, questions: row!.questions as Question[] };
  } else content = await weekQuestionnaire(ex, cohort, week);
  return {
    cohortId: cohort.id,
    week,
    status: questionnaireStatus(window, now, response?.status === 'SUBMITTED'),
    opensAt: window.opensAt,
    closesAt: window.closesAt,
    intro: content.intro,
    questions: content.questions,
    // A coach may have changed the questions since a draft was saved: keep answers to current questions only.
    answers: Object.fromEntries(
      Object.entries(response?.answers ?? {}).filter(([id]) => content.questions.some((q) => q.id === id)),
    ),
    submittedAt: response?.submittedAt ?? null,
    savedAt: response?.updatedAt ?? null,
  };
}

/** A week of the client's cohort questionnaire with their draft or submitted answers. */
export async function getMyQuestionnaire(
  db: Database,
  actor: Actor,
  week: number,
  now: Date,
): Promise<MyQuestionnaireView> {
  const cohort = await requireMyCohortWeek(db, actor.id, week);
  return view(db, cohort, week, await findResponse(db, cohort.id, week, actor.id), now);
}

/**
 * Saves a draft or submits. Only inside the week's window; a submitted response is locked:
 * the upsert only touches a DRAFT row, so of two concurrent submits exactly one lands and the
 * other gets 409 QUESTIONNAIRE_LOCKED (and the database trigger refuses any later change).
 */
export async function putMyQuestionnaire(
  db: Database,
  actor: Actor,
  week: number,
  input: { answers: Record<string, unknown>; submit?: boolean },
  now: Date,
): Promise<MyQuestionnaireView> {
  return inTransaction(db, async (tx) => {
    const cohort = await requireMyCohortWeek(tx, actor.id, week);
    const locked = () =>
      new DomainError('QUESTIONNAIRE_LOCKED', `You submitted week ${week}; it can no longer be changed`);
    if ((await findResponse(tx, cohort.id, week, actor.id))?.status === 'SUBMITTED') throw locked();
    const window = questionnaireWindow(scheduleOf(cohort), week, await studioTimeZone(tx));
    const status = questionnaireStatus(window, now, false);
    if (status === 'NOT_OPEN')
      throw new DomainError('QUESTIONNAIRE_NOT_OPEN', `The week ${week} questionnaire opens on ${window.opensOn}`);
    if (status === 'MISSED')
      throw new DomainError('QUESTIONNAIRE_CLOSED', `The week ${week} questionnaire closed on ${window.lastOpenDay}`);
    const questionnaire = await lockWeekQuestionnaire(tx, cohort, week, 'share');
    const submit = input.submit ?? false;
    const answers = validateQuestionnaireAnswers(input.answers, questionnaire.questions, submit);
    if (answers instanceof DomainError) throw answers;
    const next = {
      answers,
      status: submit ? ('SUBMITTED' as const) : ('DRAFT' as const),
      submittedAt: submit ? now : null,
      questionnaireId: questionnaire.id,
      updatedAt: now,
    };
    const [row] = await tx
      .insert(questionnaireResponses)
      .values({ cohortId: cohort.id, week, userId: actor.id, createdAt: now, ...next })
      .onConflictDoUpdate({
        target: [questionnaireResponses.cohortId, questionnaireResponses.week, questionnaireResponses.userId],
        set: next,
        setWhere: sql`${questionnaireResponses.status} = 'DRAFT'`,
      })
      .returning();
    if (!row) throw locked();
    return view(tx, cohort, week, row, now);
  });
}
