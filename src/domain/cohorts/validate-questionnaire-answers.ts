import { DomainError } from '../shared/domain-error';
import { QUESTION_SCALE, QUESTION_TEXT_LIMITS, type Answers, type Question } from './questionnaire';

const invalid = (id: string, message: string) =>
  new DomainError('VALIDATION_ERROR', `answers.${id}: ${message}`, { field: `answers.${id}` });

function checkAnswer(q: Question, raw: unknown): string | number | DomainError {
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

/**
 * Checks a client's answers against the week's questions. A draft may leave questions blank;
 * submitting needs every required question answered. Unknown question ids are refused.
 */
export function validateQuestionnaireAnswers(
  raw: Record<string, unknown>,
  questions: readonly Question[],
  submit: boolean,
): Answers | DomainError {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const answers: Answers = {};
  for (const [id, value] of Object.entries(raw)) {
    const question = byId.get(id);
    if (!question) return invalid(id, 'not a question of this week');
    if (value === null || value === undefined) continue;
    const checked = checkAnswer(question, value);
    if (checked instanceof DomainError) return checked;
    if (checked !== '') answers[id] = checked;
  }
  if (submit) {
    const missing = questions.find((q) => q.required && !(q.id in answers));
    if (missing) return invalid(missing.id, `"${missing.label}" needs an answer before you submit`);
  }
  return answers;
}
