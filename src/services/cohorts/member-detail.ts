import { and, asc, desc, eq, gte, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client';
import {
  checkIns,
  coachFeedback,
  coachNotes,
  cohortMemberships,
  cohortQuestionnaires,
  questionnaireResponses,
  users,
} from '../../db/schema';
import type { Actor } from '../../domain/access/roles';
import { attentionFlags, type AttentionFlag } from '../../domain/cohorts/attention-flags';
import { cohortDayAt, cohortDayOn, cohortWeekDates, firstListedWeek } from '../../domain/cohorts/cohort-calendar';
import type { MembershipStatus } from '../../domain/cohorts/cohort-status';
import { checkInCompliance, checkInStreak, recentCheckIns } from '../../domain/cohorts/check-in-stats';
import type { PromptInForce } from '../../domain/cohorts/prompts';
import type { Answers, Question } from '../../domain/cohorts/questionnaire';
import {
  firstQuestionnaireWeekFor,
  questionnaireStatus,
  questionnaireWindow,
  type QuestionnaireStatus,
} from '../../domain/cohorts/questionnaire-window';
import type { WeightUnit } from '../../domain/cohorts/weight-units';
import { DomainError } from '../../domain/shared/domain-error';
import { localDateOf, type LocalDate } from '../../domain/time/studio-week';
import { loadCohortAsCoach, loadPromptsInForce, scheduleOf, studioTimeZone } from './cohort-context';
import { myWeightUnit } from './my-cohort-membership';
import { toCheckInView, type CheckInView } from './my-check-ins';
import { checkInLoggedWhileMember, responseSubmittedWhileMember } from './membership-window';
import { loadWeekQuestionnaires } from './questionnaire-content';

export interface FeedbackView {
  id: string;
  week: number;
  message: string;
  videoUrl: string | null;
  status: 'DRAFT' | 'PUBLISHED';
  author: { id: string; name: string } | null;
  publishedAt: Date | null;
  updatedAt: Date;
}

export interface NoteView {
  id: string;
  text: string;
  author: { id: string; name: string } | null;
  createdAt: Date;
}

export interface MemberWeekView {
  week: number;
  startDate: LocalDate;
  endDate: LocalDate;
  questionnaire: {
    status: QuestionnaireStatus;
    opensAt: Date;
    closesAt: Date;
    submittedAt: Date | null;
    intro: string;
    questions: Question[];
    /** Submitted answers only: a client's unsubmitted draft stays theirs. */
    answers: Answers | null;
  };
  feedback: FeedbackView | null;
}

export interface MemberDetail {
  member: {
    userId: string;
    name: string;
    email: string;
    status: MembershipStatus;
    joinedAt: Date;
    leftAt: Date | null;
    checkInCadenceDays: number;
    cadenceOverridden: boolean;
    weightUnit: WeightUnit;
  };
  prompts: PromptInForce[];
  checkIns: CheckInView[];
  streak: number;
  compliance: { thisWeek: number | null; overall: number | null };
  weeks: MemberWeekView[];
  notes: NoteView[];
  flags: AttentionFlag[];
}

const author = alias(users, 'author');
const named = (a: { id: string | null; name: string | null } | null) =>
  a?.id ? { id: a.id, name: a.name ?? '' } : null;

/** The coach's member page: check-in history, stats, every week's answers and feedback (drafts too), private notes. */
export async function getMemberDetail(
  db: Database,
  actor: Actor,
  cohortId: string,
  userId: string,
  now: Date,
): Promise<MemberDetail> {
  const { cohort } = await loadCohortAsCoach(db, actor, cohortId);
  const [row] = await db
    .select({ m: cohortMemberships, name: users.name, email: users.email })
    .from(cohortMemberships)
    .innerJoin(users, eq(users.id, cohortMemberships.userId))
    .where(and(eq(cohortMemberships.cohortId, cohortId), eq(cohortMemberships.userId, userId)));
  if (!row) throw new DomainError('NOT_IN_COHORT', 'That client is not a member of this cohort');
  const timeZone = await studioTimeZone(db);
  const day = cohortDayAt(cohort, now, timeZone);
  // A client who left is seen as of the day they left: nothing later is their coach's to read.
  const leftOn = row.m.leftAt ? localDateOf(row.m.leftAt, timeZone) : null;
  const today = leftOn && leftOn < day.date ? leftOn : day.date;
  const until = cohort.endDate && cohort.endDate < today ? cohort.endDate : today;
  const cadence = row.m.checkInCadenceDays ?? cohort.checkInCadenceDays;
  const [prompts, weightUnit, history, responses, feedback, notes, weekRows] = await Promise.all([
    loadPromptsInForce(db, cohortId),
    myWeightUnit(db, userId),
    db
      .select()
      .from(checkIns)
      .where(
        and(
          eq(checkIns.userId, userId),
          gte(checkIns.date, cohort.startDate),
          lte(checkIns.date, until),
          checkInLoggedWhileMember(cohortId, timeZone),
        ),
      )
      .orderBy(asc(checkIns.date)),
    db
      .select({
        r: questionnaireResponses,
        intro: cohortQuestionnaires.intro,
        questions: cohortQuestionnaires.questions,
      })
      .from(questionnaireResponses)
      .innerJoin(cohortQuestionnaires, eq(cohortQuestionnaires.id, questionnaireResponses.questionnaireId))
      .where(
        and(
          eq(questionnaireResponses.cohortId, cohortId),
          eq(questionnaireResponses.userId, userId),
          responseSubmittedWhileMember(),
        ),
      ),
    db
      .select({ f: coachFeedback, author: { id: author.id, name: author.name } })
      .from(coachFeedback)
      .leftJoin(author, eq(author.id, coachFeedback.authorId))
      .where(and(eq(coachFeedback.cohortId, cohortId), eq(coachFeedback.userId, userId))),
    db
      .select({ n: coachNotes, author: { id: author.id, name: author.name } })
      .from(coachNotes)
      .leftJoin(author, eq(author.id, coachNotes.authorId))
      .where(and(eq(coachNotes.cohortId, cohortId), eq(coachNotes.userId, userId)))
      .orderBy(desc(coachNotes.createdAt)),
    loadWeekQuestionnaires(db, cohortId),
  ]);
  const fallback = cohort.defaultQuestionnaire as { intro: string; questions: Question[] };
  const joined = localDateOf(row.m.joinedAt, timeZone);
  const dates = history.map((h) => h.date);
  const lastWeekSoFar = day.phase === 'ENDED' ? cohort.weeks! : (day.week ?? 0);
  // …and the weeks end with the one they left in.
  const leftDay = leftOn ? cohortDayOn(cohort, leftOn) : null;
  const leftWeek = leftDay ? (leftDay.phase === 'ENDED' ? cohort.weeks! : (leftDay.week ?? 0)) : null;
  const lastWeek = leftWeek === null ? lastWeekSoFar : Math.min(lastWeekSoFar, leftWeek);
  const weeks: MemberWeekView[] = [];
  // Weeks before the client joined were not theirs to answer: the page starts at the week they joined in.
  for (let week = firstListedWeek(firstQuestionnaireWeekFor(cohort, joined), lastWeek); week <= lastWeek; week++) {
    const response = responses.find((r) => r.r.week === week);
    const content = response
      ? { intro: response.intro, questions: response.questions as Question[] }
      : (weekRows.get(week) ?? fallback);
    const window = questionnaireWindow(scheduleOf(cohort), week, timeZone);
    const submitted = response?.r.status === 'SUBMITTED';
    const fb = feedback.find((f) => f.f.week === week);
    weeks.push({
      week,
      ...(({ startDate, endDate }) => ({ startDate, endDate }))(cohortWeekDates(cohort.startDate, week)),
      questionnaire: {
        status: questionnaireStatus(window, now, submitted),
        opensAt: window.opensAt,
        closesAt: window.closesAt,
        submittedAt: response?.r.submittedAt ?? null,
        intro: content.intro,
        questions: content.questions,
        answers: submitted ? response.r.answers : null,
      },
      feedback: fb
        ? {
            id: fb.f.id,
            week,
            message: fb.f.message,
            videoUrl: fb.f.videoUrl,
            status: fb.f.status,
            author: named(fb.author),
            publishedAt: fb.f.publishedAt,
            updatedAt: fb.f.updatedAt,
          }
        : null,
    });
  }
  const latest = [...weeks].reverse().find((w) => w.questionnaire.answers);
  return {
    member: {
      userId,
      name: row.name,
      email: row.email,
      status: row.m.status,
      joinedAt: row.m.joinedAt,
      leftAt: row.m.leftAt,
      checkInCadenceDays: cadence,
      cadenceOverridden: row.m.checkInCadenceDays !== null,
      weightUnit,
    },
    prompts,
    checkIns: history.map((h) => toCheckInView(h, weightUnit)),
    streak: checkInStreak(dates, today, cadence),
    compliance: {
      // The one adherence (recentCheckIns): the same window as the "missed n check-ins" flag.
      thisWeek:
        day.weekStartDate && !leftOn
          ? recentCheckIns(dates, today, cadence, joined > cohort.startDate ? joined : cohort.startDate).rate
          : null,
      overall:
        day.phase === 'UPCOMING'
          ? null
          : checkInCompliance(
              dates,
              { from: joined > cohort.startDate ? joined : cohort.startDate, to: until },
              today,
              cadence,
            ).rate,
    },
    weeks,
    notes: notes.map(({ n, author: a }) => ({ id: n.id, text: n.text, author: named(a), createdAt: n.createdAt })),
    flags: attentionFlags({
      today,
      joinedOn: joined,
      cadenceDays: cadence,
      checkIns: history,
      prompts,
      questions: latest?.questionnaire.questions ?? [],
      answers: latest?.questionnaire.answers ?? null,
    }),
  };
}
