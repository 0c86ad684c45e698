import { z } from 'zod';
import { COHORT_LIMITS, COHORT_STATUSES, MEMBERSHIP_STATUSES } from '../domain/cohorts/cohort-status';
import { PROMPT_DIRECTIONS, PROMPT_KINDS } from '../domain/cohorts/prompts';
import { QUESTION_KINDS, questionInputSchema, questionnaireContentSchema } from '../domain/cohorts/questionnaire';
import { MAX_OPENS_DAYS_BEFORE_WEEK_END } from '../domain/cohorts/questionnaire-window';
import { isLocalDate } from '../domain/time/studio-week';
import { anyId, timestamp, uuid } from './common';
import { anyNumber, calendarDate, listOf, multilineText, oneOf, text, wholeNumber, yesNo } from './fields';

/** Zod schemas of the cohorts API (they document it at /api/docs). */

export const localDate = z
  .string()
  .refine(isLocalDate, 'Use a studio-local date like 2026-03-23')
  .describe('Studio-local calendar date, YYYY-MM-DD');
export const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time like 19:00');
export const userId = anyId('A person must be given by their id');

const cohortId = uuid('That is not a cohort id');
export const cohortParams = z.object({ id: cohortId });
export const memberParams = z.object({ id: cohortId, userId });
export const weekNumber = z.coerce
  .number({ error: 'Week must be a whole number from 1 to 520' })
  .int('Week must be a whole number from 1 to 520')
  .min(1, 'Week must be a whole number from 1 to 520')
  .max(520, 'Week must be a whole number from 1 to 520')
  .describe('Week n of the cohort, counted from its start date');

// ── Prompts and questionnaires ────────────────────────────────────────────────

export const promptSelection = z
  .union(
    [
      z.strictObject({
        key: text('A prompt', 80).describe('A prompt of the catalogue'),
        required: yesNo('Required').optional(),
      }),
      z.strictObject({
        label: text('A prompt’s label', 60),
        kind: oneOf('A prompt’s kind', PROMPT_KINDS),
        unit: text('A prompt’s unit', 20, { required: false }).nullable().optional(),
        min: anyNumber('A prompt’s minimum').nullable().optional(),
        max: anyNumber('A prompt’s maximum').nullable().optional(),
        required: yesNo('Required').optional(),
      }),
    ],
    { error: 'Each check-in prompt is either { key } from the catalogue or a new prompt with a label and a kind' },
  )
  .describe('A catalogue prompt by key, or a new custom prompt (added to the catalogue)');

export const promptView = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(PROMPT_KINDS),
  unit: z.string().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  better: z.enum(PROMPT_DIRECTIONS).nullable().describe('Which direction is good news (trend flags)'),
  required: z.boolean(),
});

export const catalogueEntry = promptView
  .omit({ required: true })
  .extend({ builtIn: z.boolean(), studioDefault: z.boolean() });

export const questionView = z.object({
  id: z.string(),
  kind: z.enum(QUESTION_KINDS),
  label: z.string(),
  required: z.boolean(),
  options: z.array(z.string()).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});
export const questionnaireView = z.object({ intro: z.string(), questions: z.array(questionView) });
export { questionInputSchema, questionnaireContentSchema };

// ── Cohort types ─────────────────────────────────────────────────────────────

const weeks = wholeNumber('Length in weeks', 1, COHORT_LIMITS.maxWeeks);

export const cohortTypeBody = z.object({
  name: text('Name', 80),
  description: multilineText('Description', 2000, { required: false }).optional(),
  defaultWeeks: weeks.nullable().describe('null = open-ended'),
  prompts: listOf('Check-in prompts', promptSelection, 30).optional(),
  questionnaire: questionnaireContentSchema
    .optional()
    .describe("Defaults to the studio's standard weekly questionnaire"),
});

export const cohortTypeView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  defaultWeeks: z.number().nullable(),
  prompts: z.array(z.object({ key: z.string(), required: z.boolean() })),
  questionnaire: questionnaireView,
  builtIn: z.boolean(),
});

// ── Cohorts ──────────────────────────────────────────────────────────────────

const cohortSettings = {
  capacity: wholeNumber('Capacity', 1, COHORT_LIMITS.maxCapacity).nullable().optional().describe('null = no limit'),
  prompts: listOf('Check-in prompts', promptSelection, 30).optional(),
  checkInCadenceDays: wholeNumber('Check-in every (days)', 1, COHORT_LIMITS.maxCadenceDays)
    .optional()
    .describe('Expected check-in every N days (default 1 = daily)'),
  checkInBackfillDays: wholeNumber('Days a client may fill in late', 0, COHORT_LIMITS.maxBackfillDays)
    .optional()
    .describe('Days before today a client may still fill in (default 2)'),
  questionnaireOpensDaysBeforeWeekEnd: wholeNumber(
    'Questionnaire opens (days before the week ends)',
    1,
    MAX_OPENS_DAYS_BEFORE_WEEK_END,
  )
    .optional()
    .describe("Week n's questionnaire opens this many days before week n ends (default 1 = on its last day)"),
  checkInReminderTime: localTime
    .optional()
    .describe('Studio-local time of the daily check-in reminder (default 19:00)'),
  defaultQuestionnaire: questionnaireContentSchema
    .optional()
    .describe("Questions for weeks that have none of their own (default: the type's)"),
  leadCoachId: userId.optional().describe('One of coachIds (default: the first)'),
};

export const createCohortBody = z.object({
  name: text('Name', 120),
  typeId: uuid('Choose a cohort type from the list').optional(),
  startDate: calendarDate('Start date').describe('Week 1 starts on this date (any weekday)'),
  weeks: weeks.nullable().optional().describe("1–52, or null for open-ended; defaults to the type's length"),
  coachIds: listOf('Coaches', userId, COHORT_LIMITS.maxCoaches, 'Choose at least one coach'),
  status: oneOf('Status', ['DRAFT', 'ACTIVE'])
    .optional()
    .describe('DRAFT cohorts take no members until published (default ACTIVE)'),
  ...cohortSettings,
});

export const patchCohortBody = z
  .object({
    name: text('Name', 120).optional(),
    startDate: calendarDate('Start date').optional(),
    weeks: weeks.nullable().optional(),
    coachIds: listOf('Coaches', userId, COHORT_LIMITS.maxCoaches, 'Choose at least one coach').optional(),
    status: oneOf('Status', COHORT_STATUSES).optional().describe('DRAFT → ACTIVE → COMPLETED → ARCHIVED'),
    ...cohortSettings,
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'Change at least one field');

export const coachView = z.object({ id: z.string(), name: z.string(), isLead: z.boolean() });
export const phase = z.enum(['UPCOMING', 'RUNNING', 'ENDED']);
export const rate = z.number().min(0).max(1).nullable();

export const cohortSummary = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(COHORT_STATUSES),
  type: z.object({ id: z.string(), name: z.string() }).nullable(),
  startDate: localDate,
  endDate: localDate.nullable().describe('Last day (inclusive); null when open-ended'),
  weeks: z.number().nullable(),
  capacity: z.number().nullable(),
  phase,
  currentWeek: z
    .number()
    .nullable()
    .describe('Week n today (studio time zone); null before the start and after the end'),
  coaches: z.array(coachView),
  memberCount: z.number().describe('Clients holding a place (active or paused)'),
  checkInRateThisWeek: rate.describe(
    'Check-in adherence of active members: days checked in ÷ days expected over the last 7 days (recentCheckIns)',
  ),
  questionnairesWaiting: z.number().describe('Submitted questionnaires without published feedback'),
});

export const questionnaireStatus = z.enum(['NOT_OPEN', 'OPEN', 'SUBMITTED', 'MISSED']);

export const cohortDetail = cohortSummary.extend({
  checkInCadenceDays: z.number(),
  checkInBackfillDays: z.number(),
  questionnaireOpensDaysBeforeWeekEnd: z.number(),
  checkInReminderTime: z.string(),
  prompts: z.array(promptView),
  defaultQuestionnaire: questionnaireView,
  questionnaires: z
    .array(
      questionnaireView.extend({
        week: z.number(),
        startDate: localDate,
        endDate: localDate,
        opensAt: timestamp,
        closesAt: timestamp,
        submittedCount: z.number(),
        locked: z.boolean().describe('Someone submitted this week: its questions can no longer change'),
      }),
    )
    .describe('Week by week, the latest 52 weeks at most'),
  members: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      email: z.string(),
      status: z.enum(MEMBERSHIP_STATUSES),
      joinedAt: timestamp,
      leftAt: timestamp.nullable(),
      checkInCadenceDays: z.number(),
      cadenceOverridden: z.boolean(),
      lastCheckInDate: localDate.nullable(),
      streak: z.number(),
      complianceThisWeek: rate,
      complianceOverall: rate,
      questionnaire: z.object({ week: z.number(), status: questionnaireStatus }),
    }),
  ),
});

export const membershipView = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  status: z.enum(MEMBERSHIP_STATUSES),
  joinedAt: timestamp,
  leftAt: timestamp.nullable(),
  checkInCadenceDays: z.number().nullable().describe("This client's own cadence; null = the cohort's"),
});

export const enrolBody = z.object({
  userId,
  checkInCadenceDays: wholeNumber('Check-in every (days)', 1, COHORT_LIMITS.maxCadenceDays).nullable().optional(),
});
export const memberPatchBody = z
  .object({
    status: oneOf('Status', ['ACTIVE', 'PAUSED']).optional().describe('Pause or resume'),
    checkInCadenceDays: wholeNumber('Check-in every (days)', 1, COHORT_LIMITS.maxCadenceDays)
      .nullable()
      .optional()
      .describe("null = the cohort's"),
  })
  .refine((b) => b.status !== undefined || b.checkInCadenceDays !== undefined, 'Give a status or checkInCadenceDays');

export const weekQuestionnaireBody = z.object({
  intro: multilineText('Intro', 2000, { required: false }).optional(),
  questions: listOf('Questions', questionInputSchema, 40),
});
export const weekQuestionnaireView = questionnaireView.extend({ week: z.number(), updatedAt: timestamp });

export const cohortTypeList = z.object({
  cohortTypes: z.array(cohortTypeView),
  promptCatalogue: z.array(catalogueEntry),
  coaches: z
    .array(z.object({ id: z.string(), name: z.string(), role: z.enum(['COACH', 'ADMIN']) }))
    .describe('Who can coach a cohort'),
});
export const cohortListQuery = z.object({
  status: oneOf('Status', COHORT_STATUSES).optional().describe('Default: every status but ARCHIVED'),
});
export const cohortList = z.object({ cohorts: z.array(cohortSummary) });
export const weekParams = cohortParams.extend({ week: weekNumber });

export const userCohortParams = z.object({ id: userId });
export const userCohortMemberships = z.object({
  memberships: z.array(
    z.object({
      cohort: z.object({
        id: z.string(),
        name: z.string(),
        status: z.enum(COHORT_STATUSES),
        startDate: localDate,
        endDate: localDate.nullable(),
        weeks: z.number().nullable(),
      }),
      status: z.enum(MEMBERSHIP_STATUSES),
      joinedAt: timestamp,
      leftAt: timestamp.nullable(),
    }),
  ),
});
export const memberWeekParams = memberParams.extend({ week: weekNumber });
