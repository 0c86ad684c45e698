import { DomainError } from '../shared/domain-error';
import { localDateOf } from '../time/studio-week';
import {
  bookingWindow,
  busyRangeOf,
  generateSlots,
  overlaps,
  type Availability,
  type BusyRange,
  type SlotService,
} from './generate-slots';

export interface BookableService extends SlotService {
  name: string;
  active: boolean;
  selfBookable: boolean;
  minNoticeHours: number;
  bookingHorizonDays: number;
  lateCancelHoursBefore: number;
  coachIds: readonly string[];
}

export interface BookingState {
  service: BookableService;
  availability: Availability;
  /** Classes the coach teaches around the start (appointments are the exclusion constraint's job). */
  classes: readonly BusyRange[];
  timeZone: string;
}

export interface BookingCommand {
  coachId: string;
  start: Date;
  /** CLIENT books for themselves; STAFF (coach or admin) for a client. */
  by: 'CLIENT' | 'STAFF';
}

export interface BookingDecision {
  start: Date;
  end: Date;
  busyFrom: Date;
  busyUntil: Date;
  lateCancelsAfter: Date;
}

/**
 * Booking a 1-on-1 start. Clients only for self-bookable services and within the minimum notice
 * and the booking horizon; staff may book at shorter notice or further ahead, never in the past.
 * Everyone books inside the coach's availability, on the service's grid, and not over a class
 * the coach teaches.
 */
export function decideBooking(state: BookingState, command: BookingCommand, now: Date): BookingDecision | DomainError {
  const { service } = state;
  if (!service.active) return new DomainError('SERVICE_NOT_BOOKABLE', `${service.name} is no longer offered`);
  if (command.by === 'CLIENT' && !service.selfBookable)
    return new DomainError('SERVICE_NOT_BOOKABLE', `${service.name} is booked by the studio: please ask your coach`);
  if (!service.coachIds.includes(command.coachId))
    return new DomainError('OUTSIDE_AVAILABILITY', `That coach does not offer ${service.name}`, { field: 'coachId' });
  const window = bookingWindow(service, now);
  if (command.start < now || (command.by === 'CLIENT' && command.start < window.notBefore)) {
    return new DomainError(
      'TOO_LATE_TO_BOOK',
      `${service.name} must be booked at least ${service.minNoticeHours} hours ahead`,
      { field: 'startTime' },
    );
  }
  if (command.by === 'CLIENT' && command.start > window.notAfter) {
    return new DomainError(
      'BEYOND_BOOKING_HORIZON',
      `${service.name} can be booked at most ${service.bookingHorizonDays} days ahead`,
      { field: 'startTime' },
    );
  }
  const day = localDateOf(command.start, state.timeZone);
  const onDay = generateSlots({
    service,
    availability: state.availability,
    busy: [],
    fromDate: day,
    toDate: day,
    timeZone: state.timeZone,
    notBefore: command.start,
    notAfter: command.start,
  });
  if (!onDay.some((s) => s.getTime() === command.start.getTime())) {
    return new DomainError('OUTSIDE_AVAILABILITY', 'The coach is not available at that time', { field: 'startTime' });
  }
  const busy = busyRangeOf(service, command.start);
  if (state.classes.some((c) => overlaps(c, busy)))
    return new DomainError('SLOT_TAKEN', 'The coach teaches a class at that time', { field: 'startTime' });
  return {
    start: command.start,
    end: busy.end,
    busyFrom: busy.from,
    busyUntil: busy.until,
    lateCancelsAfter: new Date(command.start.getTime() - service.lateCancelHoursBefore * 3_600_000),
  };
}
