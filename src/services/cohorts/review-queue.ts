import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import {
  checkIns,
  coachFeedback,
  cohortMemberships,
  cohortQuestionnaires,
  questionnaireResponses,
  users,
} from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { attentionFlags, type AttentionFlag } from '../../domain/cohorts/attention-flags';
import type { Question } from '../../domain/cohorts/questionnaire';
import { addLocalDays, localDateOf } from '../../domain/time/studio-week';
import { loadCohortAsCoach, loadPromptsInForce, studioTimeZone } from './cohort-context';
import { checkInLoggedWhileMember, responseSubmittedWhileMember } from './membership-window';

export interface ReviewQueueItem {
  responseId: string;
  userId: string;
  name: string;
  week: number;
  submittedAt: Date;
  /** A draft a coach started, if any (published feedback takes the item off the queue). */
  draftFeedback: { updatedAt: Date; authorId: string | null } | null;
  flags: AttentionFlag[];
}

/**
 * Submitted questionnaires still without published feedback, oldest first, each with the
 * attention flags a coach triages by (missed check-ins, a falling trend, low scores).
 */
export async function getReviewQueue(
  db: Database,
  actor: Actor,
  cohortId: string,
  now: Date,
): Promise<{ items: ReviewQueueItem[] }> {
  const { cohort } = await loadCohortAsCoach(db, actor, cohortId);
  const timeZone = await studioTimeZone(db);
  const today = localDateOf(now, timeZone);
  const rows = await db
    .select({
      r: questionnaireResponses,
      name: users.name,
      questions: cohortQuestionnaires.questions,
      joinedAt: cohortMemberships.joinedAt,
      cadence: cohortMemberships.checkInCadenceDays,
      draft: { updatedAt: coachFeedback.updatedAt, authorId: coachFeedback.authorId },
    })
    .from(questionnaireResponses)
    .innerJoin(users, eq(users.id, questionnaireResponses.userId))
    .innerJoin(cohortQuestionnaires, eq(cohortQuestionnaires.id, questionnaireResponses.questionnaireId))
    .innerJoin(
      cohortMemberships,
      and(
        eq(cohortMemberships.cohortId, questionnaireResponses.cohortId),
        eq(cohortMemberships.userId, questionnaireResponses.userId),
      ),
    )
    .leftJoin(
      coachFeedback,
      and(
        eq(coachFeedback.cohortId, questionnaireResponses.cohortId),
        eq(coachFeedback.userId, questionnaireResponses.userId),
        eq(coachFeedback.week, questionnaireResponses.week),
      ),
    )
    .where(
      and(
        eq(questionnaireResponses.cohortId, cohortId),
        eq(questionnaireResponses.status, 'SUBMITTED'),
        responseSubmittedWhileMember(),
        sql`(${coachFeedback.status} IS NULL OR ${coachFeedback.status} <> 'PUBLISHED')`,
      ),
    )
    .orderBy(asc(questionnaireResponses.submittedAt), asc(users.name));
  const userIds = [...new Set(rows.map((r) => r.r.userId))];
  const [prompts, history] = await Promise.all([
    loadPromptsInForce(db, cohortId),
    userIds.length
      ? db
          .select({ userId: checkIns.userId, date: checkIns.date, values: checkIns.values })
          .from(checkIns)
          .where(
            and(
              inArray(checkIns.userId, userIds),
              gte(checkIns.date, addLocalDays(today, -15)),
              lte(checkIns.date, today),
              checkInLoggedWhileMember(cohortId, timeZone),
            ),
          )
      : Promise.resolve([]),
  ]);
  return {
    items: rows.map(({ r, name, questions, joinedAt, cadence, draft }) => ({
      responseId: r.id,
      userId: r.userId,
      name,
      week: r.week,
      submittedAt: r.submittedAt!,
      draftFeedback: draft?.updatedAt ? { updatedAt: draft.updatedAt, authorId: draft.authorId } : null,
      flags: attentionFlags({
        today,
        joinedOn: localDateOf(joinedAt, timeZone),
        cadenceDays: cadence ?? cohort.checkInCadenceDays,
        checkIns: history.filter((h) => h.userId === r.userId),
        prompts,
        questions: questions as Question[],
        answers: r.answers,
      }),
    })),
  };
}
