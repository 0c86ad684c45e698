import { DomainError } from '../shared/domain-error';
import { addLocalDays, isLocalDate, startOfLocalDate } from '../time/studio-week';

export interface CreditAdjustmentInput {
  amount: number;
  reason: string;
  /** An ISO instant, or a studio-local date (the start of that day). */
  validFrom?: string;
  /** An ISO instant, or a studio-local date (credits last through the end of that day). */
  validUntil?: string;
}

export type CreditAdjustmentDecision =
  | { kind: 'ADD'; amount: number; reason: string; validFrom: Date; validUntil: Date | null }
  | { kind: 'REMOVE'; amount: number; reason: string };

function instant(value: string, edge: 'start' | 'end', timeZone: string): Date {
  if (isLocalDate(value)) return startOfLocalDate(edge === 'start' ? value : addLocalDays(value, 1), timeZone);
  return new Date(value);
}

/**
 * An admin adds credits (a new grant, valid from now unless told, with no end unless told) or
 * removes some (from the client's current grants; whether they have enough is decided against
 * the grants, see planRemoval). A reason is always required.
 */
export function decideCreditAdjustment(
  input: CreditAdjustmentInput,
  now: Date,
  timeZone: string,
): CreditAdjustmentDecision | DomainError {
  const reason = input.reason.trim();
  if (!reason) return new DomainError('VALIDATION_ERROR', 'reason: say why the credits change', { field: 'reason' });
  if (!Number.isInteger(input.amount) || input.amount === 0) {
    return new DomainError('VALIDATION_ERROR', 'amount: give a whole number of credits other than 0', {
      field: 'amount',
    });
  }
  if (input.amount < 0) {
    if (input.validFrom || input.validUntil) {
      return new DomainError('VALIDATION_ERROR', 'validUntil: dates only apply when adding credits', {
        field: 'validUntil',
      });
    }
    return { kind: 'REMOVE', amount: -input.amount, reason };
  }
  const validFrom = input.validFrom ? instant(input.validFrom, 'start', timeZone) : now;
  const validUntil = input.validUntil ? instant(input.validUntil, 'end', timeZone) : null;
  if (Number.isNaN(validFrom.getTime()) || (validUntil && Number.isNaN(validUntil.getTime()))) {
    return new DomainError('VALIDATION_ERROR', 'validUntil: not a date', { field: 'validUntil' });
  }
  if (validUntil && validUntil <= validFrom) {
    return new DomainError('VALIDATION_ERROR', 'validUntil: the expiry must be after the credits start', {
      field: 'validUntil',
    });
  }
  if (validUntil && validUntil <= now) {
    return new DomainError('VALIDATION_ERROR', 'validUntil: the expiry is already in the past', {
      field: 'validUntil',
    });
  }
  return { kind: 'ADD', amount: input.amount, reason, validFrom, validUntil };
}
