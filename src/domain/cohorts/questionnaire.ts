import { z } from 'zod';
import { ONE_LINE_TEXT } from '../shared/plain-text';

/** Question kinds of the weekly questionnaire. */
export const QUESTION_KINDS = ['text', 'long-text', 'scale', 'single-choice', 'number'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_TEXT_LIMITS: Record<'text' | 'long-text', number> = { text: 500, 'long-text': 5000 };
export const QUESTION_SCALE = { min: 1, max: 10 } as const;
export const MAX_QUESTIONS = 40;

export interface Question {
  id: string;
  kind: QuestionKind;
  label: string;
  required: boolean;
  /** single-choice only. */
  options?: string[];
  /** number only (e.g. days trained 0–7). */
  min?: number;
  max?: number;
}

export interface QuestionnaireContent {
  intro: string;
  questions: Question[];
}

export type Answers = Record<string, string | number>;

/** A question as coaches send it: ids are kept when given, new questions get one. */
export const questionInputSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, 'Use 1–40 letters, digits, - or _')
      .optional()
      .describe('Keep the id of an existing question; omit it for a new one'),
    kind: z.enum(QUESTION_KINDS, { error: `A question's kind must be one of: ${QUESTION_KINDS.join(', ')}` }),
    label: z
      .string({ error: 'A question needs a label' })
      .trim()
      .min(1, 'A question needs a label')
      .max(300, 'A question can be at most 300 characters')
      .regex(ONE_LINE_TEXT, 'A question must be one line of text, without control characters'),
    options: z
      .array(
        z
          .string({ error: 'Each option must be text' })
          .trim()
          .min(1, 'An option cannot be empty')
          .max(100, 'An option can be at most 100 characters')
          .regex(ONE_LINE_TEXT, 'An option must be one line of text, without control characters'),
      )
      .min(2, 'A single-choice question needs at least 2 options')
      .max(20, 'A question can have at most 20 options')
      .optional()
      .describe('single-choice only'),
    required: z.boolean({ error: 'Required must be true or false' }).default(false),
    min: z.number({ error: 'Minimum must be a number' }).finite().optional().describe('number only'),
    max: z.number({ error: 'Maximum must be a number' }).finite().optional().describe('number only'),
  })
  .superRefine((q, ctx) => {
    if (q.kind === 'single-choice' && !q.options)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'A single-choice question needs options' });
    if (q.kind !== 'single-choice' && q.options)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Only single-choice questions have options' });
    if (q.kind !== 'number' && (q.min !== undefined || q.max !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'Only number questions have min/max' });
    }
    if (q.min !== undefined && q.max !== undefined && q.min > q.max)
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'The maximum must be at least the minimum' });
    if (q.options && new Set(q.options).size !== q.options.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Options must differ' });
  });
export type QuestionInput = z.input<typeof questionInputSchema>;

export const questionnaireContentSchema = z.object({
  intro: z.string({ error: 'Intro must be text' }).trim().max(2000, 'Intro can be at most 2000 characters').default(''),
  questions: z
    .array(questionInputSchema, { error: 'Questions must be a list' })
    .max(MAX_QUESTIONS, `At most ${MAX_QUESTIONS} questions`),
});
