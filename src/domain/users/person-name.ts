import { ONE_LINE_TEXT } from '../shared/plain-text';

/**
 * A person's display name: what the studio, the coach and other clients see, in emails and the
 * calendar feed too. Trimmed, 1–100 characters, one line, no control characters and no angle
 * brackets (a name never needs them, and they are how markup gets into plain-text channels).
 */
export const PERSON_NAME_MAX = 100;

export type PersonNameCheck = { ok: true; name: string } | { ok: false; message: string };

export function checkPersonName(value: unknown): PersonNameCheck {
  if (typeof value !== 'string') return { ok: false, message: 'Name must be text' };
  const name = value.trim();
  if (name.length === 0) return { ok: false, message: 'Name cannot be empty' };
  if (name.length > PERSON_NAME_MAX) return { ok: false, message: `Name can be at most ${PERSON_NAME_MAX} characters` };
  if (!ONE_LINE_TEXT.test(name))
    return { ok: false, message: 'Name must be one line of text, without control characters' };
  if (/[<>]/.test(name)) return { ok: false, message: 'Name cannot contain < or >' };
  return { ok: true, name };
}
