import { DomainError } from '../../domain/shared/domain-error';
import type { ImportProblem } from '../../domain/import/import-report';
import { isProblem, mapTeamupEvent, type ImportedEvent } from '../../domain/import/map-teamup-event';
import { mapTeamupInstructor, type ImportedInstructor } from '../../domain/import/map-teamup-instructor';
import { mapTeamupMembership, type ImportedPlan } from '../../domain/import/map-teamup-membership';
import { readCustomersCsv, type ImportedCustomer } from './read-customers-csv';
import { readTeamupPages } from '../../domain/import/read-teamup-pages';

export interface UploadedFile {
  name: string;
  text: string;
}

export interface TeamupFiles {
  events: UploadedFile;
  instructors: UploadedFile;
  memberships: UploadedFile;
  customers?: UploadedFile | null;
}

export interface ParsedTeamup {
  events: ImportedEvent[];
  instructors: ImportedInstructor[];
  plans: ImportedPlan[];
  customers: ImportedCustomer[];
  problems: ImportProblem[];
}

function pick<T>(items: Array<T | ImportProblem>, problems: ImportProblem[]): T[] {
  const good: T[] = [];
  for (const item of items)
    if (isProblem(item)) problems.push(item);
    else good.push(item);
  return good;
}

/**
 * Reads every file before anything is written: a whole file that cannot be used (not JSON,
 * truncated, the wrong file in this field) refuses the import with a message naming it; a bad
 * record becomes a problem of its own row and the others go ahead.
 */
export function parseTeamupFiles(files: TeamupFiles, planAnswers: Readonly<Record<string, number>>): ParsedTeamup {
  const problems: ImportProblem[] = [];
  const unwrap = <T>(value: T | DomainError): T => {
    if (value instanceof DomainError) throw value;
    return value;
  };
  const events = unwrap(readTeamupPages('events', files.events.name, files.events.text));
  const instructors = unwrap(readTeamupPages('instructors', files.instructors.name, files.instructors.text));
  const plans = unwrap(readTeamupPages('memberships', files.memberships.name, files.memberships.text));
  const customers = files.customers?.text.trim()
    ? unwrap(readCustomersCsv(files.customers.name, files.customers.text))
    : { customers: [], problems: [] };
  problems.push(...customers.problems);
  return {
    events: pick(
      events.map((e, i) => mapTeamupEvent(e, i + 1, files.events.name)),
      problems,
    ),
    instructors: pick(
      instructors.map((r, i) => mapTeamupInstructor(r, i + 1, files.instructors.name)),
      problems,
    ),
    plans: pick(
      plans.map((r, i) => mapTeamupMembership(r, i + 1, files.memberships.name, planAnswers)),
      problems,
    ),
    customers: customers.customers,
    problems,
  };
}
