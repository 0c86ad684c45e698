import type { FieldError } from '../../contracts/common';

/** `registrationsCloseAt` → "registrations close at": identifiers people never see, in words. */
const words = (identifier: string) =>
  identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\b(url|id)(s?)\b/g, (_, name: string, plural: string) => `${name.toUpperCase()}${plural}`);
const inWords = (text: string) => text.replace(/\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/g, words);
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The field a path names, in words: `query.from` → "From", `values.3.weight` → "Weight". */
function labelOf(path: string): string {
  const name = path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .pop();
  return name ? capitalised(words(name)) : '';
}

/** Words that do not say which field they are about (src/contracts/error-map.ts, domain lead-ins). */
const NEEDS_LABEL =
  /^([a-z]|Fill this in|Enter |Use |Choose one of|Choose at least one$|Choose at most|That |This |Not expected|Not one of)/;

/**
 * The top-level message of a 400 VALIDATION_ERROR, a sentence for a person: one problem says
 * which field and what ("End time: must be after start time"), several point at the fields
 * (each one's words are in `fields`, shown beside its input).
 */
export function validationMessage(fields: readonly FieldError[]): string {
  const paths = new Set(fields.map((f) => f.path));
  if (fields.length === 0) return 'The request is not valid.';
  if (paths.size > 1) return 'Check the highlighted fields.';
  const { path, message } = fields[0]!;
  const label = labelOf(path);
  const text = inWords(message);
  // A labelled field's own words name it ("Capacity must be…"); the error map's and the domain's
  // ("Enter a number", "must be after…") need the field's name in front.
  if (!label || !NEEDS_LABEL.test(text)) return capitalised(text);
  return `${label}: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/** A domain error's "field: words" message split into its field and its words. */
export function splitLeadIn(message: string): { path: string | null; message: string } {
  const match = /^([A-Za-z][\w.-]*):\s*([\s\S]+)$/.exec(message);
  return match ? { path: match[1]!, message: match[2]! } : { path: null, message };
}
