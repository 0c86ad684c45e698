import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { DomainError } from '../../domain/shared/domain-error';
import { whereInFile, type ImportProblem } from '../../domain/import/import-report';

/**
 * The columns read from TeamUp's customer CSV, each under the header names TeamUp and
 * spreadsheets use for it (case, spaces and underscores ignored). Other columns are ignored;
 * order does not matter. Documented in docs/moving-from-teamup.md — keep the two in step.
 */
export const CUSTOMER_COLUMNS = {
  externalId: ['customer id', 'id', 'teamup id', 'customer number'],
  firstName: ['first name', 'firstname', 'given name'],
  lastName: ['last name', 'lastname', 'surname', 'family name'],
  fullName: ['name', 'full name', 'customer name', 'customer'],
  email: ['email', 'email address', 'e-mail'],
  phone: ['phone', 'phone number', 'mobile', 'mobile phone', 'telephone'],
  joinedOn: [
    'joined',
    'joined date',
    'date joined',
    'joined on',
    'created',
    'created at',
    'signup date',
    'sign up date',
  ],
  activeMemberships: ['active membership', 'active memberships', 'current membership', 'membership', 'memberships'],
  packUsesLeft: [
    'pack uses left',
    'uses left',
    'remaining uses',
    'sessions left',
    'credits left',
    'remaining sessions',
  ],
} as const;

type Column = keyof typeof CUSTOMER_COLUMNS;

export interface ImportedCustomer {
  row: number;
  externalId: string;
  name: string;
  email: string;
  phone: string | null;
  joinedOn: string | null;
  activeMemberships: string[];
  packUsesLeft: number | null;
}

const normalise = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');

/** 2024-01-31, 31/01/2024 (TeamUp UK), 2024-01-31T10:00:00Z → 2024-01-31; anything else → null. */
export function readDate(value: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(value);
  const [y, m, d] = iso
    ? [iso[1], iso[2], iso[3]]
    : uk
      ? [uk[3], uk[2]!.padStart(2, '0'), uk[1]!.padStart(2, '0')]
      : [];
  if (!y || !m || !d) return null;
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  const year = Number(y);
  return Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== `${y}-${m}-${d}` ||
    year < 1990 ||
    year > 2100
    ? null
    : `${y}-${m}-${d}`;
}

/**
 * TeamUp's customer CSV → customers, plus a problem for each row left out (no email, a bad
 * one, an email seen twice). Refuses the whole file, naming it, when it is not a CSV or has no
 * email column (the wrong file in this field).
 */
export function readCustomersCsv(
  fileName: string,
  text: string,
): { customers: ImportedCustomer[]; problems: ImportProblem[] } | DomainError {
  const label = `The customer CSV ${fileName}`;
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('['))
    return new DomainError('IMPORT_WRONG_FILE', `${label} is a JSON file, not a CSV: it was given in the wrong field.`);
  if (trimmed.includes('\u0000')) return new DomainError('IMPORT_FILE_INVALID', `${label} is not a text CSV file.`);
  let rows: string[][];
  try {
    rows = parse(trimmed, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 160) : '';
    return new DomainError('IMPORT_FILE_INVALID', `${label} could not be read as CSV (${reason}). Was it cut short?`);
  }
  const headers = (rows[0] ?? []).map(normalise);
  const index = Object.fromEntries(
    (Object.keys(CUSTOMER_COLUMNS) as Column[]).map((c) => [
      c,
      headers.findIndex((h) => (CUSTOMER_COLUMNS[c] as readonly string[]).includes(h)),
    ]),
  ) as Record<Column, number>;
  if (index.email < 0)
    return new DomainError(
      'IMPORT_FILE_INVALID',
      `${label} has no Email column (found: ${headers.slice(0, 8).join(', ') || 'nothing'}). Export the customer list from TeamUp as CSV.`,
    );
  const customers: ImportedCustomer[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const cell = (c: Column) => (index[c] >= 0 ? (cells[index[c]] ?? '').slice(0, 500).trim() : '');
    const name = (cell('fullName') || `${cell('firstName')} ${cell('lastName')}`).replace(/\s+/g, ' ').trim();
    const email = cell('email').toLowerCase();
    const say = (severity: ImportProblem['severity'], message: string) =>
      problems.push({
        file: 'customers',
        fileName,
        row,
        severity,
        message: `${whereInFile('customers', fileName, row)}: ${message}`,
      });
    if (!email)
      return say(
        'error',
        `${name || 'a customer'} has no email, so cannot sign in: not imported. Add an email in TeamUp or create them by hand.`,
      );
    if (!z.email().safeParse(email).success) return say('error', `"${email}" is not an email address: not imported.`);
    if (seen.has(email)) return say('error', `${email} appears twice; only the first row was imported.`);
    seen.add(email);
    const joined = cell('joinedOn');
    const joinedOn = joined ? readDate(joined) : null;
    if (joined && !joinedOn) say('warning', `joined date "${joined}" is not a date; left out.`);
    const usesText = cell('packUsesLeft');
    const uses = usesText === '' ? null : Number(usesText);
    if (uses !== null && (!Number.isInteger(uses) || uses < 0 || uses > 1000))
      say('warning', `pack uses left "${usesText}" is not a whole number; no balance imported.`);
    customers.push({
      row,
      externalId: cell('externalId') || email,
      name: name || email,
      email,
      phone: cell('phone') || null,
      joinedOn,
      activeMemberships: cell('activeMemberships')
        .split(/[;\n|]/)
        .map((s) => s.trim())
        .filter(Boolean),
      packUsesLeft: uses !== null && Number.isInteger(uses) && uses >= 0 && uses <= 1000 ? uses : null,
    });
  });
  return { customers, problems };
}
