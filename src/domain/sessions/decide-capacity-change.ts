import { DomainError } from '../shared/domain-error';
import type { SessionFacts } from './types';

/**
 * A coach changes how many places a session has. It can never drop below the places already
 * taken (those clients keep their booking); raising it frees places for the waitlist.
 */
export function decideCapacityChange(
  session: Pick<SessionFacts, 'status' | 'capacity' | 'registeredCount'>,
  newCapacity: number,
): { capacity: number; placesFreed: number } | DomainError {
  if (session.status === 'CANCELLED') return new DomainError('SESSION_CANCELLED', 'This class has been cancelled');
  if (newCapacity < session.registeredCount) {
    return new DomainError(
      'CAPACITY_BELOW_ATTENDANCE',
      `${session.registeredCount} clients are already booked; capacity cannot go below that`,
      { registeredCount: session.registeredCount },
    );
  }
  return { capacity: newCapacity, placesFreed: Math.max(0, newCapacity - session.capacity) };
}
