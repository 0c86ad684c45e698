import { z } from 'zod';
import { MULTI_LINE_TEXT as MULTI_LINE, ONE_LINE_TEXT as ONE_LINE } from '../domain/shared/plain-text';
import { isLocalDate } from '../domain/time/studio-week';
import { PERSON_NAME_MAX } from '../domain/users/person-name';
import { dateWindowMessage, isWithinDateWindow } from './date-window';

/**
 * Request fields with messages a person understands, naming the field ("Capacity must be a whole
 * number from 1 to 500") instead of the schema library's wording ("Too big: expected number to be
 * <=500"). The error handler prefixes the path ("capacity: …"), which the web app uses to put the
 * message under the right input.
 */

export function wholeNumber(label: string, min: number, max: number) {
  const say = `${label} must be a whole number from ${min} to ${max}`;
  return z.number({ error: say }).int(say).min(min, say).max(max, say);
}

export function anyNumber(label: string) {
  return z.number({ error: `${label} must be a number` }).finite(`${label} must be a number`);
}

/** One line of text (names, titles, labels): trimmed, no control characters. */
export function text(label: string, max: number, options: { required?: boolean } = {}) {
  const schema = z.string({ error: `${label} must be text` }).trim();
  const bounded = options.required === false ? schema : schema.min(1, `${label} cannot be empty`);
  return bounded
    .max(max, `${label} can be at most ${max} characters`)
    .regex(ONE_LINE, `${label} must be one line of text, without control characters`);
}

/** Text that may span lines (descriptions, notes, messages): CRLF becomes LF, other controls refused. */
export function multilineText(label: string, max: number, options: { required?: boolean } = {}) {
  const schema = z
    .string({ error: `${label} must be text` })
    .overwrite((value) => value.replace(/\r\n?/g, '\n'))
    .trim();
  const bounded = options.required === false ? schema : schema.min(1, `${label} cannot be empty`);
  return bounded
    .max(max, `${label} can be at most ${max} characters`)
    .regex(MULTI_LINE, `${label} cannot contain control characters`);
}

/** A studio-local calendar date (YYYY-MM-DD) within the date window. */
export function calendarDate(label = 'The date', format = 'Use a date like 2027-03-22') {
  return z
    .string({ error: format })
    .refine(isLocalDate, format)
    .refine((value) => isWithinDateWindow(value), dateWindowMessage(label))
    .describe('Studio-local calendar date, YYYY-MM-DD');
}

export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: `${label} must be one of: ${values.join(', ')}` });
}

export const yesNo = (label: string) => z.boolean({ error: `${label} must be true or false` });

/** A list of at most `max` items; `tooFew` (when given) is the message for an empty list. */
export function listOf<T extends z.ZodType>(label: string, item: T, max: number, tooFew?: string) {
  const schema = z.array(item, { error: `${label} must be a list` }).max(max, `At most ${max} ${label.toLowerCase()}`);
  return tooFew ? schema.min(1, tooFew) : schema;
}

/** A person's name: the one rule of src/domain/users/person-name.ts (sign-up applies it too). */
export const personName = () =>
  text('Name', PERSON_NAME_MAX).refine((value) => !/[<>]/.test(value), 'Name cannot contain < or >');

/** An email address, lower-cased as better-auth stores it. */
export const emailAddress = () =>
  z
    .string({ error: 'Email must be text' })
    .trim()
    .toLowerCase()
    .max(254, 'Email can be at most 254 characters')
    .pipe(z.email({ error: 'Enter an email address like name@example.com' }));

/** A phone number as people write it; empty clears it. */
export const phoneNumber = () =>
  z
    .string({ error: 'Phone must be text' })
    .trim()
    .max(40, 'Phone can be at most 40 characters')
    .regex(/^[+0-9 ()./-]*$/, 'Phone can hold digits, spaces and + ( ) - . /');
