import type { FieldError } from '../../contracts/common';
import { ApiError, errorMessage } from './api';

/*
 * The API lists each field problem in `error.fields` ({ path, message }, the path dotted like
 * `prompts.2.key`), in words a person reads (src/contracts/error-map.ts). These helpers put each
 * message under its input; nothing here parses message text.
 */

/** Every field problem of a failed request (none for other errors). */
export function fieldErrorsOf(error: unknown): FieldError[] {
  return error instanceof ApiError ? error.fields : [];
}

/** The first problem with a field under `prefix` ("values" → `values.weight`): its key and message. */
export function fieldErrorOf(error: unknown, prefix: string): { key: string; message: string } | null {
  const field = fieldErrorsOf(error).find((f) => f.path.startsWith(`${prefix}.`));
  return field ? { key: field.path.slice(prefix.length + 1).split('.')[0]!, message: field.message } : null;
}

/** The message for the form as a whole: unless it is shown under a field already. */
export function formErrorOf(error: unknown, prefix: string): string | null {
  if (!error) return null;
  return fieldErrorOf(error, prefix) ? null : errorMessage(error);
}

/** The first field problem, whatever its field. */
export function splitFieldError(error: unknown): FieldError | null {
  return fieldErrorsOf(error)[0] ?? null;
}

/** A field error not shown under a field, told with the field's place: "Question 3: A question needs a label". */
export function describeFieldError(field: FieldError): string {
  const [head, index] = field.path.split('.');
  const position = Number(index) + 1;
  if (head === 'questions' || head === 'defaultQuestionnaire') {
    const at = field.path.split('.').indexOf('questions');
    const n = Number(field.path.split('.')[at + 1]) + 1;
    if (at >= 0 && Number.isInteger(n)) return `Question ${n}: ${field.message}`;
  }
  if (head === 'prompts' && Number.isInteger(position)) return `Check-in prompt ${position}: ${field.message}`;
  return field.message;
}
