import { z } from 'zod';

/**
 * The one zod error map: plain words instead of the library's ("Too big: expected number to be
 * <=500"). Schemas with their own, labelled message (`src/contracts/fields.ts`) keep it; this
 * covers the rest. Imported by `common.ts`, so the server and the web both load it with the
 * contracts and write the same sentence for the same problem.
 */
type Issue = z.core.$ZodRawIssue;

const KIND: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a group of values',
  date: 'a date',
};

function sizeWord(origin: string | undefined, count: number): string {
  if (origin === 'string') return `${count} character${count === 1 ? '' : 's'}`;
  if (origin === 'array' || origin === 'set') return `${count} item${count === 1 ? '' : 's'}`;
  return String(count);
}

export function plainMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'Fill this in';
      return `Enter ${KIND[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string' && min === 1) return 'Fill this in';
      if (issue.origin === 'array' && min === 1) return 'Choose at least one';
      return `Use at least ${sizeWord(issue.origin, min)}`;
    }
    case 'too_big':
      if (issue.origin === 'string') return `Use at most ${sizeWord('string', Number(issue.maximum))}`;
      if (issue.origin === 'array') return `Choose at most ${sizeWord('array', Number(issue.maximum))}`;
      return `Use at most ${String(issue.maximum)}`;
    case 'invalid_format':
      if (issue.format === 'datetime' || issue.format === 'date') return 'Enter a valid date';
      if (issue.format === 'time') return 'Enter a valid time';
      if (issue.format === 'email') return 'Enter a valid email address';
      if (issue.format === 'uuid') return 'That link or id is not valid';
      return 'This is not in the expected format';
    case 'invalid_value':
      return issue.values.length <= 6
        ? `Choose one of: ${issue.values.map(String).join(', ')}`
        : 'Choose one of the offered values';
    case 'not_multiple_of':
      return Number(issue.divisor) === 1 ? 'Use a whole number' : `Use a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `Not expected here: ${issue.keys.join(', ')}`;
    default:
      return undefined;
  }
}

z.config({ customError: plainMessage });
