import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { decideAnyCoach, type AnyCoachOption } from './decide-any-coach';
import type { BookingDecision } from './decide-booking';

const start = new Date('2026-03-23T10:00:00Z');
const ok: BookingDecision = {
  start,
  end: new Date('2026-03-23T10:45:00Z'),
  busyFrom: start,
  busyUntil: new Date('2026-03-23T11:00:00Z'),
  lateCancelsAfter: new Date('2026-03-22T10:00:00Z'),
};
const off = new DomainError('OUTSIDE_AVAILABILITY', 'The coach is not available at that time');

const option = (coachId: string, coachName: string, day: number, week: number, free = true): AnyCoachOption => ({
  coachId,
  coachName,
  decision: free ? ok : off,
  appointmentClash: false,
  bookedThatDay: day,
  bookedThatWeek: week,
});

const options = fc.uniqueArray(
  fc.record({
    coachId: fc.uuid(),
    coachName: fc.constantFrom('Ana', 'Ben', 'Cat', 'Ben'),
    free: fc.boolean(),
    appointmentClash: fc.boolean(),
    bookedThatDay: fc.nat(4),
    bookedThatWeek: fc.nat(12),
  }),
  { selector: (o) => o.coachId, maxLength: 6 },
);
const asOptions = (raw: ReadonlyArray<{ free: boolean } & Omit<AnyCoachOption, 'decision'>>): AnyCoachOption[] =>
  raw.map(({ free, ...o }) => ({ ...o, decision: free ? ok : off }));
const isFree = (o: AnyCoachOption) => !(o.decision instanceof DomainError) && !o.appointmentClash;

describe('"any coach" for a 1-on-1', () => {
  it('picks the free coach with the fewest 1-on-1s that day, then that week, then by name', () => {
    const gav = option('g', 'Gav', 2, 3);
    const clare = option('c', 'Clare', 1, 9);
    const jo = option('j', 'Jo', 1, 4);
    expect(decideAnyCoach([gav, clare, jo])).toEqual({ coachId: 'j', decision: ok });
    expect(decideAnyCoach([gav, { ...clare, bookedThatWeek: 4 }, jo])).toEqual({ coachId: 'c', decision: ok });
    expect(decideAnyCoach([gav, { ...jo, appointmentClash: true }, clare])).toEqual({ coachId: 'c', decision: ok });
  });

  it('shares a day of bookings fairly: n bookings over k free coaches differ by at most one per coach', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.nat(30), (k, n) => {
        const coaches = Array.from({ length: k }, (_, i) => option(`id${i}`, `Coach ${i}`, 0, 0));
        for (let i = 0; i < n; i++) {
          const choice = decideAnyCoach(coaches);
          if (choice instanceof DomainError) throw choice;
          const c = coaches.find((o) => o.coachId === choice.coachId)!;
          c.bookedThatDay++;
          c.bookedThatWeek++;
        }
        const counts = coaches.map((c) => c.bookedThatDay);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('always picks a free coach, none free having fewer bookings (day, then week), the same whatever the order', () => {
    fc.assert(
      fc.property(options, fc.nat(), (raw, seed) => {
        const all = asOptions(raw);
        const choice = decideAnyCoach(all);
        const free = all.filter(isFree);
        if (free.length === 0) {
          expect(choice).toBeInstanceOf(DomainError);
          return;
        }
        if (choice instanceof DomainError) throw choice;
        const chosen = all.find((o) => o.coachId === choice.coachId)!;
        expect(isFree(chosen)).toBe(true);
        for (const o of free) {
          expect(o.bookedThatDay).toBeGreaterThanOrEqual(chosen.bookedThatDay);
          if (o.bookedThatDay === chosen.bookedThatDay)
            expect(o.bookedThatWeek).toBeGreaterThanOrEqual(chosen.bookedThatWeek);
        }
        const shuffled = [...all.slice(seed % (all.length + 1)), ...all.slice(0, seed % (all.length + 1))].reverse();
        expect(decideAnyCoach(shuffled)).toEqual(choice);
      }),
    );
  });

  it('says why when no coach is free: the service rule first, then taken, then not available', () => {
    const late = new DomainError('TOO_LATE_TO_BOOK', 'Too late');
    expect(decideAnyCoach([{ ...option('a', 'Ana', 0, 0), decision: late }])).toBe(late);
    const taken = decideAnyCoach([
      { ...option('a', 'Ana', 0, 0), appointmentClash: true },
      option('b', 'Ben', 0, 0, false),
    ]);
    expect((taken as DomainError).code).toBe('SLOT_TAKEN');
    expect((decideAnyCoach([option('b', 'Ben', 0, 0, false)]) as DomainError).code).toBe('OUTSIDE_AVAILABILITY');
    expect((decideAnyCoach([]) as DomainError).code).toBe('SERVICE_NOT_BOOKABLE');
  });
});
