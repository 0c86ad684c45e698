import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCalendarFeed, escapeText, foldLine } from './calendar-feed';

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
});
