import { dateWindowMessage, isWithinDateWindow } from '../../../contracts/date-window';
import { DomainError } from '../../../domain/shared/domain-error';

const DAY = 86_400_000;
export const MAX_RANGE_DAYS = 62;

/**
 * from/to of a list query: default the next 7 days from now; at most 62 days at once. The schema
 * bounded both dates by the machine's date; here they are held to the app's clock too.
 */
export function resolveRange(query: { from?: Date; to?: Date }, now: Date): { from: Date; to: Date } {
  for (const field of ['from', 'to'] as const) {
    const value = query[field];
    if (value && !isWithinDateWindow(value, now))
      throw new DomainError('VALIDATION_ERROR', `${field}: ${dateWindowMessage(field === 'from' ? 'From' : 'To')}`);
  }
  const from = query.from ?? now;
  const to = query.to ?? new Date(from.getTime() + 7 * DAY);
  if (to <= from) throw new DomainError('VALIDATION_ERROR', 'to: must be after from');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY)
    throw new DomainError('VALIDATION_ERROR', `to: ask for at most ${MAX_RANGE_DAYS} days at once`);
  return { from, to };
}
