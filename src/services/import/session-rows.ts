import type { ImportedEvent } from '../../domain/import/map-teamup-event';
import type { ImportedClassType } from './import-class-types';

const HOUR = 3_600_000;

export interface WantedSession {
  event: ImportedEvent;
  classTypeId: string;
  coachId: string;
  title: string;
  startTime: Date;
  endTime: Date;
  capacity: number;
  location: string;
  status: 'SCHEDULED' | 'COMPLETED' | 'CANCELLED';
  creditCost: number;
  registrationsOpenAt: Date;
  registrationsCloseAt: Date;
  lateCancelsAfter: Date;
}

/**
 * The session a TeamUp event should be in Roster: TeamUp's own booking window and late-cancel
 * instants (class-type defaults only where the export has none); a class that has ended is
 * history (COMPLETED), a later one SCHEDULED, one cancelled in TeamUp CANCELLED.
 */
export function wantedSession(
  event: ImportedEvent,
  classType: ImportedClassType,
  coachId: string,
  location: string,
  now: Date,
): WantedSession {
  const start = event.start.getTime();
  return {
    event,
    classTypeId: classType.id,
    coachId,
    title: event.name,
    startTime: event.start,
    endTime: event.end,
    capacity: event.capacity ?? classType.defaultCapacity,
    location,
    status: event.cancelled ? 'CANCELLED' : event.end <= now ? 'COMPLETED' : 'SCHEDULED',
    creditCost: classType.creditCost,
    registrationsOpenAt: event.opensAt ?? new Date(start - 336 * HOUR),
    registrationsCloseAt: event.closesAt ?? event.start,
    lateCancelsAfter: event.lateCancelsAfter ?? new Date(start - 2 * HOUR),
  };
}

export const slotKey = (classTypeId: string, coachId: string, start: Date) =>
  `${classTypeId}|${coachId}|${start.getTime()}`;
