import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendarFeed, escapeText, foldLine, type FeedEvent } from './calendar-feed';

const event = (summary: string, description = 'Booked'): FeedEvent => ({
  uid: 's1@roster',
  start: new Date('2026-03-30T05:30:00Z'),
  end: new Date('2026-03-30T05:55:00Z'),
  summary,
  location: 'Studio 1',
  description,
  status: 'CONFIRMED',
  lastModified: new Date('2026-03-19T08:00:00Z'),
});
const feedOf = (...events: FeedEvent[]) =>
  buildCalendarFeed({ calendarName: 'Northside classes', now: new Date('2026-03-20T12:00:00Z'), events });

/** The VEVENTs as ical.js (a real iCalendar parser) reads them. */
function parsedEvents(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

/** Every physical line ends with CRLF, is at most 75 octets, and holds no other CR or LF. */
function expectWellFormedLines(ics: string) {
  expect(ics.endsWith('\r\n')).toBe(true);
  for (const line of ics.slice(0, -2).split('\r\n')) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  }
}

describe('calendar feed', () => {
  it('writes events in UTC with escaped text and CRLF line ends', () => {
    const ics = buildCalendarFeed({
      calendarName: 'Northside, classes',
      now: new Date('2026-03-20T12:00:00Z'),
      events: [
        {
          uid: 's1@roster',
          start: new Date('2026-03-30T05:30:00Z'),
          end: new Date('2026-03-30T05:55:00Z'),
          summary: 'HIIT with Gav; bring water',
          location: 'Unit 54, Balloo Drive',
          description: 'Booked\nSee you there',
          status: 'CONFIRMED',
          lastModified: new Date('2026-03-19T08:00:00Z'),
        },
      ],
    });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics).toContain('DTSTART:20260330T053000Z\r\n');
    expect(ics).toContain('SUMMARY:HIIT with Gav\\; bring water\r\n');
    expect(ics).toContain('LOCATION:Unit 54\\, Balloo Drive\r\n');
    expect(ics).toContain('DESCRIPTION:Booked\\nSee you there\r\n');
    expect(ics).toContain('X-WR-CALNAME:Northside\\, classes');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('folds long lines to 75 octets without losing or splitting characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const line = `DESCRIPTION:${escapeText(text)}`;
        const folded = foldLine(line);
        for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
    );
  });

  it('a bare CR, LF or CRLF in a title cannot start a property of its own', () => {
    const hostile = 'HIIT\rSTATUS:CANCELLED\nX-EVIL:1\r\nDTSTART:20000101T000000Z';
    const ics = feedOf(event(hostile, 'line one\rline two'));
    expectWellFormedLines(ics);
    expect(ics).toContain('SUMMARY:HIIT\\nSTATUS:CANCELLED\\nX-EVIL:1\\nDTSTART:20000101T000000Z');
    const [parsed] = parsedEvents(ics);
    expect(parsed!.summary).toBe('HIIT\nSTATUS:CANCELLED\nX-EVIL:1\nDTSTART:20000101T000000Z');
    expect(parsed!.description).toBe('line one\nline two');
    expect(parsed!.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(parsed!.component.getFirstPropertyValue('x-evil')).toBeNull();
    expect(parsed!.startDate.toJSDate().toISOString()).toBe('2026-03-30T05:30:00.000Z');
  });

  it('long UTF-8 text is folded at 75 octets and reads back whole', () => {
    const summary = `Mobilité & étirements 🧘‍♀️ ${'très long titre '.repeat(12)}— 💪🏽 fin`;
    const ics = feedOf(event(summary, 'Ça va? '.repeat(40)));
    expectWellFormedLines(ics);
    const [parsed] = parsedEvents(ics);
    expect(parsed!.summary).toBe(summary);
    expect(parsed!.description).toBe('Ça va? '.repeat(40));
  });

  it('any title and description make a feed ical.js accepts, and read back as written (control characters dropped)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.string({ maxLength: 200 }),
        (summary, description) => {
          const ics = feedOf(event(summary, description));
          expectWellFormedLines(ics);
          const [parsed] = parsedEvents(ics);
          const expected = (s: string) =>
            // eslint-disable-next-line no-control-regex
            s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').replace(/\r\n|\r|\n/g, '\n');
          expect(parsed!.summary).toBe(expected(summary));
          expect(parsed!.description).toBe(expected(description));
        },
      ),
      { numRuns: 200 },
    );
  });
});
