import { ApiError } from '../../lib/api';

/** The API names the field first in a validation error ("durationDays: …"): split it for the form. */
export function serverFieldError(error: unknown): { field: string; message: string } | null {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_ERROR') return null;
  const match = /^([A-Za-z]+)(?:\.[\w.]+)?:\s*(.+)$/.exec(error.message);
  return match ? { field: match[1]!, message: match[2]!.charAt(0).toUpperCase() + match[2]!.slice(1) } : null;
}
