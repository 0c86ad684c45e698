import { z } from 'zod';
import { COHORT_STATUSES, MEMBERSHIP_STATUSES } from '../domain/cohorts/cohort-status';
import { WEIGHT_UNITS } from '../domain/cohorts/weight-units';
import { timestamp } from './common';
import { calendarDate, oneOf, yesNo } from './fields';
import {
  coachView,
  localDate,
  phase,
  promptView,
  questionnaireStatus,
  questionView,
  rate,
  weekNumber,
} from './cohorts';

/** Zod schemas of the client's own cohort routes (/api/me/…). */

// ── Check-ins and the client's cohort ─────────────────────────────────────────

export const weightUnitBody = z.object({ weightUnit: oneOf('Weight unit', WEIGHT_UNITS) });

export const weightDisplay = z.object({
  unit: z.enum(WEIGHT_UNITS),
  value: z.number().describe('In the unit (stones as a decimal), for charts'),
  text: z.string().describe('"82.4 kg", "181.7 lb", "12 st 13.7 lb"'),
});

export const checkInView = z.object({
  date: localDate,
  values: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])).describe('By prompt key; weight in kg'),
  weight: weightDisplay.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const checkInBody = z.object({
  values: z
    .record(z.string().max(80, 'That is not one of the questions of your check-in'), z.unknown(), {
      error: 'Send the answers by question',
    })
    .describe('By prompt key. Weight: kg as a number, or { kg }, { lb }, { st, lb }. null leaves a prompt blank.'),
});

export const checkInWindowView = z
  .object({ earliestDate: localDate, latestDate: localDate })
  .describe('Dates a check-in can be entered or edited');

export const myCheckInPromptsView = z.object({
  source: z
    .enum(['COHORT', 'STUDIO_DEFAULT'])
    .describe("The client's cohort's prompts, or the studio defaults outside any cohort"),
  cohort: z.object({ id: z.string(), name: z.string() }).nullable(),
  prompts: z.array(promptView),
  weightUnit: z.enum(WEIGHT_UNITS),
  today: z.object({ date: localDate, checkIn: checkInView.nullable(), window: checkInWindowView }),
});

export const compliance = z.object({ expected: z.number(), done: z.number(), rate });

export const feedbackForClient = z.object({
  week: z.number(),
  message: z.string(),
  videoUrl: z.string().nullable(),
  publishedAt: timestamp,
  authorName: z.string().nullable(),
});

export const myCohortView = z.object({
  cohort: z.object({
    id: z.string(),
    name: z.string(),
    startDate: localDate,
    endDate: localDate.nullable(),
    weeks: z.number().nullable(),
    status: z.enum(COHORT_STATUSES),
    coaches: z.array(coachView),
  }),
  membership: z.object({ status: z.enum(MEMBERSHIP_STATUSES), joinedAt: timestamp, checkInCadenceDays: z.number() }),
  phase,
  currentWeek: z.number().nullable(),
  prompts: z.array(promptView),
  weightUnit: z.enum(WEIGHT_UNITS),
  today: z.object({
    date: localDate,
    checkIn: checkInView.nullable(),
    window: checkInWindowView,
  }),
  questionnaire: z.object({ week: z.number(), status: questionnaireStatus, opensAt: timestamp, closesAt: timestamp }),
  feedback: z.array(feedbackForClient).describe('Published feedback only'),
  awaitingFeedback: z
    .array(z.number())
    .describe('Weeks whose questionnaire was submitted and has no published feedback yet, oldest first'),
  streak: z.number().describe('Check-ins in a row, by the expected cadence'),
  checkInsThisWeek: compliance.nullable(),
});

export const myQuestionnaireView = z.object({
  cohortId: z.string(),
  week: z.number(),
  status: questionnaireStatus,
  opensAt: timestamp,
  closesAt: timestamp,
  intro: z.string(),
  questions: z.array(questionView),
  answers: z.record(z.string(), z.union([z.string(), z.number()])),
  submittedAt: timestamp.nullable(),
  savedAt: timestamp.nullable(),
});

export const answersBody = z.object({
  answers: z
    .record(z.string().max(40, 'That is not one of the questions'), z.unknown(), {
      error: 'Send the answers by question',
    })
    .describe('By question id'),
  submit: yesNo('Submit').optional().describe('true submits and locks the answers; otherwise a draft is saved'),
});

export const checkInDateParams = z.object({ date: calendarDate('Date') });
export const checkInRangeQuery = z.object({
  from: calendarDate('From').optional(),
  to: calendarDate('To').optional(),
});
export const checkInList = z.object({
  from: localDate,
  to: localDate,
  weightUnit: z.enum(WEIGHT_UNITS),
  checkIns: z.array(checkInView),
});
export const weightUnitView = z.object({ weightUnit: z.enum(WEIGHT_UNITS) });
export const myWeekParams = z.object({ week: weekNumber });
