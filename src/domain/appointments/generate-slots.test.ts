import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLocalDays } from '../time/studio-week';
import { utcToWallClock, WEEKDAY_CODES, zonedDateTimeToUtc } from '../time/wall-clock';
import {
  busyRangeOf,
  generateSlots,
  overlaps,
  rangeInstants,
  rangesOn,
  type Availability,
  type SlotQuery,
} from './generate-slots';

const ZONE = 'Europe/London';
const MINUTE = 60_000;
const FAR_PAST = new Date('2000-01-01T00:00:00Z');
const FAR_FUTURE = new Date('2100-01-01T00:00:00Z');

const time = (minutes: number) =>
  minutes === 1440
    ? '24:00'
    : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Non-overlapping ranges of one day, on a 15-minute grid. */
const dayRanges = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 0, maxLength: 6 })
  .map((points) => points.sort((a, b) => a - b))
  .map((points) => {
    const ranges = [];
    for (let i = 0; i + 1 < points.length; i += 2)
      ranges.push({ start: time(points[i]! * 15), end: time(points[i + 1]! * 15) });
    return ranges.filter((r) => r.start !== '24:00');
  });

const availability: fc.Arbitrary<Availability> = fc.record({
  weekly: fc.array(fc.tuple(fc.constantFrom(...WEEKDAY_CODES), dayRanges), { maxLength: 7 }).map((days) => {
    const seen = new Map(days);
    return [...seen].flatMap(([weekday, ranges]) => ranges.map((r) => ({ weekday, ...r })));
  }),
  overrides: fc
    .array(fc.record({ date: fc.constantFrom('2026-03-28', '2026-03-29', '2026-10-25'), ranges: dayRanges }), {
      maxLength: 2,
    })
    .map((o) => o.filter((x, i) => o.findIndex((y) => y.date === x.date) === i)),
  timeOff: fc
    .array(
      fc.record({
        fromDate: fc.constantFrom('2026-03-27', '2026-10-24'),
        toDate: fc.constantFrom('2026-03-27', '2026-10-26'),
      }),
      { maxLength: 1 },
    )
    .map((t) => t.filter((x) => x.toDate >= x.fromDate)),
});

const service = fc.record({
  durationMins: fc.constantFrom(30, 45, 60, 90),
  bufferBeforeMins: fc.constantFrom(0, 10, 15),
  bufferAfterMins: fc.constantFrom(0, 15),
  startIntervalMins: fc.constantFrom(15, 30, 60),
});

const busy = fc.array(
  fc
    .record({ at: fc.integer({ min: 0, max: 7 * 24 * 4 }), length: fc.integer({ min: 1, max: 12 }) })
    .map(({ at, length }) => {
      const from = new Date(Date.parse('2026-03-26T00:00:00Z') + at * 15 * MINUTE);
      return { from, until: new Date(from.getTime() + length * 15 * MINUTE) };
    }),
  { maxLength: 8 },
);

const query = fc
  .record({ service, availability, busy, fromDate: fc.constantFrom('2026-03-26', '2026-10-22') })
  .map((q): SlotQuery => ({
    ...q,
    toDate: addLocalDays(q.fromDate, 6),
    timeZone: ZONE,
    notBefore: FAR_PAST,
    notAfter: FAR_FUTURE,
  }));

describe('generateSlots (properties)', () => {
  it('no slot’s busy range overlaps a busy range', () => {
    fc.assert(
      fc.property(query, (q) => {
        for (const slot of generateSlots(q)) {
          const range = busyRangeOf(q.service, slot);
          expect(q.busy.some((b) => overlaps(b, range))).toBe(false);
        }
      }),
    );
  });

  it('every slot lies inside one working range of its day, on the grid in wall-clock time', () => {
    fc.assert(
      fc.property(query, (q) => {
        for (const slot of generateSlots(q)) {
          const wall = utcToWallClock(slot, ZONE);
          const end = busyRangeOf(q.service, slot).end;
          const inside = rangesOn(q.availability, wall.date)
            .map((r) => rangeInstants(wall.date, r, ZONE))
            .some((r) => r.from <= slot && end <= r.until);
          expect(inside).toBe(true);
          const minutes = Number(wall.time.slice(0, 2)) * 60 + Number(wall.time.slice(3));
          expect(minutes % q.service.startIntervalMins).toBe(0);
        }
      }),
    );
  });

  it('slots are distinct and respect notBefore / notAfter', () => {
    fc.assert(
      fc.property(query, fc.integer({ min: 0, max: 7 * 24 }), (q, hours) => {
        const notBefore = new Date(zonedDateTimeToUtc(q.fromDate, '00:00', ZONE).getTime() + hours * 60 * MINUTE);
        const notAfter = new Date(notBefore.getTime() + 48 * 60 * MINUTE);
        const slots = generateSlots({ ...q, notBefore, notAfter });
        expect(new Set(slots.map((s) => s.getTime())).size).toBe(slots.length);
        for (const s of slots) expect(s >= notBefore && s <= notAfter).toBe(true);
      }),
    );
  });
});

describe('generateSlots on the 2026 UK clock changes', () => {
  const hour = { durationMins: 60, bufferBeforeMins: 0, bufferAfterMins: 0, startIntervalMins: 60 };
  const on = (date: string, start: string, end: string): SlotQuery => ({
    service: hour,
    availability: { weekly: [{ weekday: 'SUN', start, end }], overrides: [], timeOff: [] },
    busy: [],
    fromDate: date,
    toDate: date,
    timeZone: ZONE,
    notBefore: FAR_PAST,
    notAfter: FAR_FUTURE,
  });
  const wallTimes = (slots: Date[]) => slots.map((s) => utcToWallClock(s, ZONE).time);

  it.each(['2026-03-29', '2026-10-25', '2026-03-22'])(
    '09:00–17:00 on %s: eight slots from 09:00 wall-clock',
    (date) => {
      const slots = generateSlots(on(date, '09:00', '17:00'));
      expect(wallTimes(slots)).toEqual(['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00']);
    },
  );

  it('29 March (spring forward): 00:00–04:00 has three real hours, and 01:00 does not exist', () => {
    expect(wallTimes(generateSlots(on('2026-03-29', '00:00', '04:00')))).toEqual(['00:00', '02:00', '03:00']);
  });

  it('25 October (fall back): 00:00–04:00 gives the four wall-clock starts, 01:00 once', () => {
    const slots = generateSlots(on('2026-10-25', '00:00', '04:00'));
    expect(wallTimes(slots)).toEqual(['00:00', '01:00', '02:00', '03:00']);
    // 00:00 BST to 03:00 GMT is four real hours (three on any other day).
    expect(slots[3]!.getTime() - slots[0]!.getTime()).toBe(4 * 60 * MINUTE);
  });
});
