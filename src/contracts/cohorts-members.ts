import { z } from 'zod';
import { ATTENTION_FLAG_CODES } from '../domain/cohorts/attention-flags';
import { WEIGHT_UNITS } from '../domain/cohorts/weight-units';
import { timestamp } from './common';
import { checkInView } from './cohorts-me';
import { listOf, multilineText, wholeNumber, yesNo } from './fields';
import { localDate, membershipView, promptView, questionnaireStatus, questionView, rate, userId } from './cohorts';

/** Zod schemas of the coach's member routes: review queue, member page, feedback, notes, nudges. */

// ── Review, member page, feedback, notes, nudges ──────────────────────────────

const flag = z.object({ code: z.enum(ATTENTION_FLAG_CODES), message: z.string() });
const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const reviewQueueView = z.object({
  items: z.array(
    z.object({
      responseId: z.string(),
      userId: z.string(),
      name: z.string(),
      week: z.number(),
      submittedAt: timestamp,
      draftFeedback: z.object({ updatedAt: timestamp, authorId: z.string().nullable() }).nullable(),
      flags: z.array(flag),
    }),
  ),
});

export const feedbackView = z.object({
  id: z.string(),
  week: z.number(),
  message: z.string(),
  videoUrl: z.string().nullable(),
  status: z.enum(['DRAFT', 'PUBLISHED']),
  author: person,
  publishedAt: timestamp.nullable(),
  updatedAt: timestamp,
});

export const noteView = z.object({ id: z.string(), text: z.string(), author: person, createdAt: timestamp });

export const memberDetailView = z.object({
  member: membershipView.omit({ checkInCadenceDays: true }).extend({
    checkInCadenceDays: z.number(),
    cadenceOverridden: z.boolean(),
    weightUnit: z.enum(WEIGHT_UNITS),
  }),
  prompts: z.array(promptView),
  checkIns: z.array(checkInView),
  streak: z.number(),
  compliance: z.object({ thisWeek: rate, overall: rate }),
  weeks: z.array(
    z.object({
      week: z.number(),
      startDate: localDate,
      endDate: localDate,
      questionnaire: z.object({
        status: questionnaireStatus,
        opensAt: timestamp,
        closesAt: timestamp,
        submittedAt: timestamp.nullable(),
        intro: z.string(),
        questions: z.array(questionView),
        answers: z
          .record(z.string(), z.union([z.string(), z.number()]))
          .nullable()
          .describe('Submitted answers only'),
      }),
      feedback: feedbackView.nullable(),
    }),
  ),
  notes: z.array(noteView).describe('Private: never shown to the client'),
  flags: z.array(flag),
});

export const feedbackBody = z.object({
  message: multilineText('Message', 5000),
  videoUrl: z
    .url({ protocol: /^https?$/, error: 'Use a web link (https://…)' })
    .max(500)
    .nullable()
    .optional(),
  publish: yesNo('Publish')
    .optional()
    .describe('true publishes (the client is notified); published feedback stays published'),
});

export const noteBody = z.object({
  text: multilineText('Note', 5000),
});

export const nudgeBody = z
  .object({
    userIds: listOf('Clients', userId, 200, 'Choose at least one client').optional(),
    notCheckedInForDays: wholeNumber('Not checked in for (days)', 1, 60).optional(),
    message: multilineText('Message', 500, { required: false }).optional(),
  })
  .refine(
    (b) => (b.userIds === undefined) !== (b.notCheckedInForDays === undefined),
    'Choose the clients to nudge, or nudge everyone not checked in for some days (not both)',
  );

export const nudgeResult = z.object({
  nudged: z.array(z.object({ userId: z.string(), name: z.string() })),
  skipped: z.array(
    z.object({
      userId: z.string(),
      name: z.string().nullable(),
      reason: z.enum(['NOT_AN_ACTIVE_MEMBER', 'ALREADY_NUDGED_TODAY']),
    }),
  ),
});
