import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { decideFeedbackWeek } from './decide-feedback-week';
import { decideQuestionnaireEdit } from './decide-questionnaire-edit';
import { normaliseQuestions } from './normalise-questions';
import { questionInputSchema, type Question } from './questionnaire';
import { questionnaireAnswerProblems, validateQuestionnaireAnswers } from './validate-questionnaire-answers';

const questions: Question[] = [
  { id: 'wins', kind: 'long-text', label: 'Wins this week', required: true },
  { id: 'days', kind: 'number', label: 'Days trained', required: true, min: 0, max: 7 },
  { id: 'mood', kind: 'scale', label: 'Mood', required: false },
  { id: 'focus', kind: 'single-choice', label: 'Focus', required: false, options: ['Sleep', 'Food'] },
];
const message = (r: unknown) => (r as DomainError).message;

describe('questionnaire answers', () => {
  it('lets a draft be partial but a submission needs every required answer', () => {
    expect(validateQuestionnaireAnswers({ days: 4 }, questions, false)).toEqual({ days: 4 });
    expect(message(validateQuestionnaireAnswers({ days: 4 }, questions, true))).toMatch(
      /^answers\.wins: "Wins this week" needs an answer/,
    );
    expect(
      validateQuestionnaireAnswers({ wins: ' squat PB ', days: 4, mood: 8, focus: 'Food' }, questions, true),
    ).toEqual({
      wins: 'squat PB',
      days: 4,
      mood: 8,
      focus: 'Food',
    });
  });

  it('names the field of a wrong answer', () => {
    expect(message(validateQuestionnaireAnswers({ days: 8 }, questions, false))).toMatch(/^answers\.days:/);
    expect(message(validateQuestionnaireAnswers({ mood: 0 }, questions, false))).toMatch(/^answers\.mood:/);
    expect(message(validateQuestionnaireAnswers({ focus: 'Cardio' }, questions, false))).toMatch(/^answers\.focus:/);
    expect(message(validateQuestionnaireAnswers({ nope: 1 }, questions, false))).toMatch(/^answers\.nope:/);
    expect(message(validateQuestionnaireAnswers({ wins: 5 }, questions, false))).toMatch(/^answers\.wins:/);
  });

  it('lists every problem at once, in question order, before a submission', () => {
    const problems = questionnaireAnswerProblems({ wins: null, days: 9, mood: 0, focus: 'Food' }, questions, true);
    expect(problems.map((p) => p.id)).toEqual(['wins', 'days', 'mood']);
    expect(problems[0]!.message).toBe('"Wins this week" needs an answer before you submit');
    expect(questionnaireAnswerProblems({ wins: 'Slept more', days: 3 }, questions, true)).toEqual([]);
  });
});

describe('questions', () => {
  it('keeps ids, gives new questions one, refuses duplicates', () => {
    let n = 0;
    const ids = () => `new${++n}`;
    const parsed = [
      { id: 'wins', kind: 'text', label: 'Wins' },
      { kind: 'scale', label: 'Mood', required: true },
    ].map((q) => questionInputSchema.parse(q));
    expect(normaliseQuestions(parsed, ids)).toEqual([
      { id: 'wins', kind: 'text', label: 'Wins', required: false },
      { id: 'new1', kind: 'scale', label: 'Mood', required: true },
    ]);
    expect((normaliseQuestions([parsed[0]!, parsed[0]!], ids) as DomainError).message).toMatch(/^questions\.1\.id/);
  });

  it('checks each kind’s own fields', () => {
    expect(questionInputSchema.safeParse({ kind: 'single-choice', label: 'x' }).success).toBe(false);
    expect(questionInputSchema.safeParse({ kind: 'text', label: 'x', options: ['a', 'b'] }).success).toBe(false);
    expect(questionInputSchema.safeParse({ kind: 'number', label: 'x', min: 5, max: 1 }).success).toBe(false);
  });

  it('freezes a week once a response is submitted, and stays inside the cohort', () => {
    const schedule = { startDate: '2026-03-23', weeks: 6 };
    expect(decideQuestionnaireEdit(schedule, 2, 0)).toBe('EDIT');
    expect((decideQuestionnaireEdit(schedule, 2, 1) as DomainError).code).toBe('QUESTIONNAIRE_HAS_RESPONSES');
    expect((decideQuestionnaireEdit(schedule, 7, 0) as DomainError).code).toBe('WEEK_OUT_OF_RANGE');
    expect((decideQuestionnaireEdit(schedule, 0, 0) as DomainError).code).toBe('WEEK_OUT_OF_RANGE');
  });

  it('writes feedback only for weeks that have begun', () => {
    const schedule = { startDate: '2026-03-23', weeks: 6 };
    expect(decideFeedbackWeek(schedule, 2, '2026-03-30')).toBe('WRITE');
    expect((decideFeedbackWeek(schedule, 3, '2026-03-30') as DomainError).code).toBe('WEEK_NOT_STARTED');
    expect(decideFeedbackWeek(schedule, 6, '2026-06-30')).toBe('WRITE');
  });
});
