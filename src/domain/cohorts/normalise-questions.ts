import { DomainError } from '../shared/domain-error';
import type { Question, QuestionInput } from './questionnaire';

/**
 * Turns coach input into stored questions: keeps given ids, gives new questions a fresh one
 * (`newId` is the caller's id source), and refuses two questions with the same id.
 */
export function normaliseQuestions(inputs: readonly QuestionInput[], newId: () => string): Question[] | DomainError {
  const seen = new Set<string>();
  const questions: Question[] = [];
  for (const [index, input] of inputs.entries()) {
    const id = input.id ?? newId();
    if (seen.has(id)) {
      return new DomainError('VALIDATION_ERROR', `questions.${index}.id: "${id}" is used by two questions`, {
        field: `questions.${index}.id`,
      });
    }
    seen.add(id);
    const question: Question = { id, kind: input.kind, label: input.label.trim(), required: input.required ?? false };
    if (input.options) question.options = input.options.map((o) => o.trim());
    if (input.min !== undefined) question.min = input.min;
    if (input.max !== undefined) question.max = input.max;
    questions.push(question);
  }
  return questions;
}
