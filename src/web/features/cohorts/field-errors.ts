import { ApiError, errorMessage } from '../../lib/api';

/**
 * Validation errors name the field first ("values.weight: Weight must be between 30 and 300 kg").
 * This splits such a message so a form can show it under the field it is about.
 */
export function fieldErrorOf(error: unknown, prefix: string): { key: string; message: string } | null {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_ERROR') return null;
  const match = new RegExp(`^${prefix.replace('.', '\\.')}\\.([^.:\\s]+)[^:]*:\\s*(.+)$`).exec(error.message);
  return match ? { key: match[1]!, message: plainMessage(match[2]!) } : null;
}

/** The message for the form as a whole: unless it is shown under a field already. */
export function formErrorOf(error: unknown, prefix: string): string | null {
  if (!error) return null;
  return fieldErrorOf(error, prefix) ? null : errorMessage(error);
}

/** Schema-library wording ("Too big: expected number to be <=14") in the words a coach would use. */
const PLAIN: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^Too small: expected string to have >=1 characters?$/, () => 'Fill this in.'],
  [/^Too (?:big|large): expected number to be <=\s*(\S+)$/, (m) => `At most ${m[1]}.`],
  [/^Too small: expected number to be >=\s*(\S+)$/, (m) => `At least ${m[1]}.`],
  [/^Too big: expected string to have <=\s*(\d+) characters$/, (m) => `At most ${m[1]} characters.`],
  [/^Invalid input: expected int, received number$/, () => 'Use a whole number.'],
  [/^Invalid input: expected (?:number|int), received .+$/, () => 'Enter a number.'],
];

export function plainMessage(message: string): string {
  for (const [pattern, say] of PLAIN) {
    const m = pattern.exec(message);
    if (m) return say(m);
  }
  return message;
}

/** Any "path: message" validation error split up (path like "weeks", "prompts.2.key", "coachIds"). */
export function splitFieldError(error: unknown): { path: string; message: string } | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const match = /^([A-Za-z]+(?:\.[\w-]+)*):\s*(.+)$/.exec(error.message);
  return match ? { path: match[1]!, message: plainMessage(match[2]!) } : null;
}

/** A field error not shown under a field, told with the field's place: "Question 3: A question needs a label". */
export function describeFieldError(field: { path: string; message: string }): string {
  const question = /questions\.(\d+)/.exec(field.path);
  if (question) return `Question ${Number(question[1]) + 1}: ${field.message}`;
  const prompt = /^prompts\.(\d+)/.exec(field.path);
  if (prompt) return `Check-in prompt ${Number(prompt[1]) + 1}: ${field.message}`;
  return field.message;
}
