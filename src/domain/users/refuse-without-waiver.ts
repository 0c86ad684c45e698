import type { Actor } from '../access/roles';
import { DomainError } from '../shared/domain-error';

export interface WaiverState {
  /** The studio's current waiver version; 0 when it asks for none. */
  current: number;
  /** The latest version the client accepted; null when none. */
  accepted: number | null;
}

/**
 * A client books only after accepting the studio's current waiver (when it has one). Staff
 * booking a client at the desk are not stopped: the client accepts on their own next booking.
 */
export function refuseWithoutWaiver(actor: Actor, bookingFor: string, waiver: WaiverState): DomainError | null {
  if (waiver.current === 0 || actor.role !== 'CLIENT' || bookingFor !== actor.id) return null;
  if (waiver.accepted === waiver.current) return null;
  return new DomainError(
    'WAIVER_REQUIRED',
    waiver.accepted === null
      ? 'Please read and accept the studio’s waiver before your first booking'
      : 'The studio’s waiver has changed: please read and accept it before booking',
  );
}
