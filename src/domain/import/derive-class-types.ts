import type { ImportedEvent } from './map-teamup-event';

export interface ClassTypeSpec {
  key: string;
  name: string;
  description: string;
  color: string;
  defaultCapacity: number;
  defaultDurationMins: number;
  bookingOpensHoursBefore: number;
  bookingClosesMinutesBefore: number;
  lateCancelHoursBefore: number;
  waitlistLimit: number | null;
  events: number;
}

/** The most frequent value (first seen wins a tie), or `fallback` when there is none. */
function mostCommon<T>(values: T[], fallback: T): T {
  const counts = new Map<T, number>();
  let best = fallback;
  let bestCount = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestCount) [best, bestCount] = [v, n];
  }
  return best;
}

const HOUR = 3_600_000;

/**
 * TeamUp has no class-type record in its events export: a class type is the set of events
 * sharing a name. Its defaults are what most of its events do — capacity, length, and the
 * booking window and late-cancel cutoff measured from each event's own timestamps (opens 14
 * days before, late cancels from 2 hours before…). Appointments are not classes.
 */
export function deriveClassTypes(events: readonly ImportedEvent[]): ClassTypeSpec[] {
  const byKey = new Map<string, ImportedEvent[]>();
  for (const e of events) {
    if (e.isAppointment) continue;
    byKey.set(e.classKey, [...(byKey.get(e.classKey) ?? []), e]);
  }
  return [...byKey.entries()].map(([key, list]) => {
    const first = list[0]!;
    const before = (at: Date | null, e: ImportedEvent, unit: number) =>
      at ? Math.max(0, Math.round((e.start.getTime() - at.getTime()) / unit)) : null;
    const defined = <T>(xs: Array<T | null>) => xs.filter((x): x is T => x !== null);
    return {
      key,
      name: first.name,
      description: list.find((e) => e.description)?.description ?? '',
      color: mostCommon(defined(list.map((e) => e.color)), '#452ddb'),
      defaultCapacity: Math.max(1, mostCommon(defined(list.map((e) => e.capacity)), 10)),
      defaultDurationMins: mostCommon(
        list.map((e) => Math.max(1, Math.round((e.end.getTime() - e.start.getTime()) / 60_000))),
        60,
      ),
      bookingOpensHoursBefore: mostCommon(defined(list.map((e) => before(e.opensAt, e, HOUR))), 336),
      bookingClosesMinutesBefore: mostCommon(defined(list.map((e) => before(e.closesAt, e, 60_000))), 0),
      lateCancelHoursBefore: mostCommon(defined(list.map((e) => before(e.lateCancelsAfter, e, HOUR))), 2),
      waitlistLimit: mostCommon(
        list.map((e) => e.waitlistLimit),
        null,
      ),
      events: list.length,
    };
  });
}
