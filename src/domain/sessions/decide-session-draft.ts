import { DomainError } from '../shared/domain-error';
import { sessionWindows, type ClassTypeRules } from './types';

export interface ClassTypeDefaults extends ClassTypeRules {
  name: string;
  active: boolean;
  defaultCapacity: number;
  defaultDurationMins: number;
  creditCost: number;
}

export interface SessionInput {
  title?: string;
  startTime: Date;
  endTime?: Date;
  capacity?: number;
  location?: string;
  notes?: string;
  registrationsOpenAt?: Date;
  registrationsCloseAt?: Date;
  lateCancelsAfter?: Date;
}

export interface SessionDraft {
  title: string;
  startTime: Date;
  endTime: Date;
  capacity: number;
  location: string;
  notes: string;
  creditCost: number;
  registrationsOpenAt: Date;
  registrationsCloseAt: Date;
  lateCancelsAfter: Date;
}

/** Checks a session's times hang together; shared by creating and editing. */
export function checkSessionTimes(
  d: Pick<SessionDraft, 'startTime' | 'endTime' | 'registrationsOpenAt' | 'registrationsCloseAt'>,
): DomainError | null {
  if (d.endTime <= d.startTime) return new DomainError('VALIDATION_ERROR', 'endTime: must be after startTime');
  if (d.registrationsCloseAt < d.registrationsOpenAt) {
    return new DomainError('VALIDATION_ERROR', 'registrationsCloseAt: must not be before registrationsOpenAt');
  }
  if (d.registrationsCloseAt > d.endTime)
    return new DomainError('VALIDATION_ERROR', 'registrationsCloseAt: must not be after the class ends');
  return null;
}

/** A new session: what was given, the rest from its class type. */
export function draftSession(classType: ClassTypeDefaults, input: SessionInput): SessionDraft | DomainError {
  if (!classType.active)
    return new DomainError('CLASS_TYPE_INACTIVE', `${classType.name} is archived; reactivate it to schedule classes`);
  const windows = sessionWindows(classType, input.startTime);
  const draft: SessionDraft = {
    title: input.title?.trim() || classType.name,
    startTime: input.startTime,
    endTime: input.endTime ?? new Date(input.startTime.getTime() + classType.defaultDurationMins * 60_000),
    capacity: input.capacity ?? classType.defaultCapacity,
    location: input.location?.trim() ?? '',
    notes: input.notes?.trim() ?? '',
    creditCost: classType.creditCost,
    registrationsOpenAt: input.registrationsOpenAt ?? windows.registrationsOpenAt,
    registrationsCloseAt: input.registrationsCloseAt ?? windows.registrationsCloseAt,
    lateCancelsAfter: input.lateCancelsAfter ?? windows.lateCancelsAfter,
  };
  return checkSessionTimes(draft) ?? draft;
}
