import { ApiError, errorMessage } from '../../lib/api';

/**
 * Validation errors name the field first ("values.weight: Weight must be between 30 and 300 kg").
 * This splits such a message so a form can show it under the field it is about.
 */
export function fieldErrorOf(error: unknown, prefix: string): { key: string; message: string } | null {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_ERROR') return null;
  const match = new RegExp(`^${prefix.replace('.', '\\.')}\\.([^.:\\s]+)[^:]*:\\s*(.+)$`).exec(error.message);
  return match ? { key: match[1]!, message: match[2]! } : null;
}

/** The message for the form as a whole: unless it is shown under a field already. */
export function formErrorOf(error: unknown, prefix: string): string | null {
  if (!error) return null;
  return fieldErrorOf(error, prefix) ? null : errorMessage(error);
}

/** Any "path: message" validation error split up (path like "weeks", "prompts.2.key", "coachIds"). */
export function splitFieldError(error: unknown): { path: string; message: string } | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const match = /^([A-Za-z]+(?:\.[\w-]+)*):\s*(.+)$/.exec(error.message);
  return match ? { path: match[1]!, message: match[2]! } : null;
}
