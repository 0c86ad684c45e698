import { DomainError } from '../shared/domain-error';
import { QUESTION_SCALE, QUESTION_TEXT_LIMITS, type Answers, type Question } from './questionnaire';

interface Problem {
  /** The question's id. */
  id: string;
  message: string;
}
const invalid = (id: string, message: string): Problem => ({ id, message });
const isProblem = (value: unknown): value is Problem => typeof value === 'object' && value !== null;

function checkAnswer(q: Question, raw: unknown): string | number | Problem {
  switch (q.kind) {
    case 'text':
    case 'long-text': {
      if (typeof raw !== 'string') return invalid(q.id, `"${q.label}" needs a text answer`);
      const limit = QUESTION_TEXT_LIMITS[q.kind];
      return raw.length > limit ? invalid(q.id, `"${q.label}" is longer than ${limit} characters`) : raw.trim();
    }
    case 'single-choice':
      return typeof raw === 'string' && q.options?.includes(raw)
        ? raw
        : invalid(q.id, `"${q.label}": pick one of ${q.options?.join(', ')}`);
    case 'scale':
      return typeof raw === 'number' && Number.isInteger(raw) && raw >= QUESTION_SCALE.min && raw <= QUESTION_SCALE.max
        ? raw
        : invalid(q.id, `"${q.label}" is a whole number from ${QUESTION_SCALE.min} to ${QUESTION_SCALE.max}`);
    case 'number': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return invalid(q.id, `"${q.label}" needs a number`);
      if ((q.min !== undefined && raw < q.min) || (q.max !== undefined && raw > q.max)) {
        return invalid(q.id, `"${q.label}" must be between ${q.min ?? '−∞'} and ${q.max ?? '∞'}`);
      }
      return raw;
    }
  }
}

function checkAll(
  raw: Record<string, unknown>,
  questions: readonly Question[],
  submit: boolean,
): { answers: Answers; problems: Problem[] } {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const answers: Answers = {};
  const problems: Problem[] = [];
  for (const [id, value] of Object.entries(raw)) {
    const question = byId.get(id);
    if (!question) {
      problems.push(invalid(id, 'not a question of this week'));
      continue;
    }
    if (value === null || value === undefined) continue;
    const checked = checkAnswer(question, value);
    if (isProblem(checked)) problems.push(checked);
    else if (checked !== '') answers[id] = checked;
  }
  if (submit) {
    for (const missing of questions.filter(
      (q) => q.required && !(q.id in answers) && !problems.some((p) => p.id === q.id),
    ))
      problems.push(invalid(missing.id, `"${missing.label}" needs an answer before you submit`));
  }
  // In the order the client reads the questions.
  const order = new Map(questions.map((q, i) => [q.id, i]));
  problems.sort((a, b) => (order.get(a.id) ?? -1) - (order.get(b.id) ?? -1));
  return { answers, problems };
}

/**
 * Every problem with a client's answers at once, in question order (the web checks the whole form
 * before asking "Submit and lock?", so nothing surfaces one at a time after the confirmation).
 */
export function questionnaireAnswerProblems(
  raw: Record<string, unknown>,
  questions: readonly Question[],
  submit: boolean,
): Problem[] {
  return checkAll(raw, questions, submit).problems;
}

/**
 * Checks a client's answers against the week's questions. A draft may leave questions blank;
 * submitting needs every required question answered. Unknown question ids are refused.
 */
export function validateQuestionnaireAnswers(
  raw: Record<string, unknown>,
  questions: readonly Question[],
  submit: boolean,
): Answers | DomainError {
  const { answers, problems } = checkAll(raw, questions, submit);
  const first = problems[0];
  if (first)
    return new DomainError('VALIDATION_ERROR', `answers.${first.id}: ${first.message}`, {
      field: `answers.${first.id}`,
    });
  return answers;
}
