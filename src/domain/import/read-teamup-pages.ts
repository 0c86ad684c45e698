import { DomainError } from '../shared/domain-error';
import { FILE_LABEL, type ImportFile } from './import-report';

type JsonFile = Exclude<ImportFile, 'customers'>;

/** What each JSON file of a TeamUp export holds, judged from its first record. */
function kindOfRecord(record: unknown): JsonFile | null {
  if (!record || typeof record !== 'object') return null;
  const r = record as Record<string, unknown>;
  if ('starts_at' in r || r.object === 'event') return 'events';
  if (r.object === 'instructor' || 'staff' in r) return 'instructors';
  if (r.object === 'membership' || typeof r.type === 'string') return 'memberships';
  return null;
}

/**
 * The records of one TeamUp API file: `{count, next, previous, results}` (one page or pages
 * joined), or a bare array. Refuses, naming the file, what is not JSON, what ends early, and
 * the wrong file given for this field (the instructors file where the events belong).
 */
export function readTeamupPages(file: JsonFile, fileName: string, text: string): unknown[] | DomainError {
  const label = `${FILE_LABEL[file]} ${fileName}`;
  const trimmed = text.trim();
  if (trimmed === '') return new DomainError('IMPORT_FILE_INVALID', `The ${label} is empty.`);
  if (!trimmed.startsWith('{') && !trimmed.startsWith('['))
    return new DomainError(
      'IMPORT_FILE_INVALID',
      `The ${label} is not JSON. Use the .json file of TeamUp's export${trimmed.includes(',') ? ' (this looks like a CSV)' : ''}.`,
    );
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch (error) {
    const reason = error instanceof Error ? error.message : '';
    const truncated = /end of|unterminated|unexpected end/i.test(reason);
    return new DomainError(
      'IMPORT_FILE_INVALID',
      truncated
        ? `The ${label} ends early: it looks truncated. Download it again and check it is complete.`
        : `The ${label} is not valid JSON (${reason.slice(0, 120)}).`,
    );
  }
  const results: unknown = Array.isArray(data) ? data : (data as { results?: unknown })?.results;
  if (!Array.isArray(results))
    return new DomainError('IMPORT_FILE_INVALID', `The ${label} has no "results" list: it is not a TeamUp API export.`);
  const found = results.length ? kindOfRecord(results[0]) : file;
  if (found === null)
    return new DomainError(
      'IMPORT_FILE_INVALID',
      `The ${label} does not hold TeamUp ${file}: its first record is not recognised.`,
    );
  if (found !== file)
    return new DomainError(
      'IMPORT_WRONG_FILE',
      `The ${label} holds TeamUp ${found}, not ${file}: it was given in the wrong field. Put it under "${FILE_LABEL[found]}".`,
    );
  return results as unknown[];
}
