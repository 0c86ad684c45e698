import { describe, expect, it } from 'vitest';
import {
  addLocalMonths,
  instantRange,
  localDateOf,
  localDateTimeToInstant,
  monthGrid,
  weekLabel,
  weekStartIndex,
  weekStartOf,
} from './studio-time';

const LONDON = 'Europe/London';

describe('studio calendar maths', () => {
  it('a week that contains the spring clock change is 167 hours long, and 06:30 stays 06:30', () => {
    const { from, to } = instantRange('2026-03-23', '2026-03-29', LONDON);
    expect(from.toISOString()).toBe('2026-03-23T00:00:00.000Z');
    expect(to.toISOString()).toBe('2026-03-29T23:00:00.000Z'); // Monday 30 March 00:00 BST
    expect((to.getTime() - from.getTime()) / 3_600_000).toBe(167);
    expect(localDateTimeToInstant('2026-03-27', '06:30', LONDON).toISOString()).toBe('2026-03-27T06:30:00.000Z');
    expect(localDateTimeToInstant('2026-03-30', '06:30', LONDON).toISOString()).toBe('2026-03-30T05:30:00.000Z');
  });

  it('a class late in the evening UTC belongs to the studio day it happens on', () => {
    expect(localDateOf('2026-06-30T23:30:00Z', LONDON)).toBe('2026-07-01');
    expect(localDateOf('2026-06-30T23:30:00Z', 'America/New_York')).toBe('2026-06-30');
  });

  it('weeks start on the studio setting’s weekday', () => {
    expect(weekStartIndex('Monday')).toBe(1);
    expect(weekStartIndex('Sunday')).toBe(0);
    expect(weekStartIndex(undefined)).toBe(1);
    expect(weekStartOf('2026-11-25', 1)).toBe('2026-11-23'); // a Wednesday → its Monday
    expect(weekStartOf('2026-11-25', 0)).toBe('2026-11-22'); // → its Sunday
    expect(weekStartOf('2026-11-23', 1)).toBe('2026-11-23');
  });

  it('a month grid covers whole weeks around the month', () => {
    const grid = monthGrid('2026-02-14', 1);
    expect(grid[0]![0]).toBe('2026-01-26');
    expect(grid.at(-1)![6]).toBe('2026-03-01');
    expect(grid.every((week) => week.length === 7)).toBe(true);
    expect(grid.flat()).toContain('2026-02-28');
  });

  it('moving by months keeps the day where it exists', () => {
    expect(addLocalMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addLocalMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addLocalMonths('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('labels a week briefly', () => {
    expect(weekLabel('2026-11-23')).toBe('23–29 Nov');
    expect(weekLabel('2026-11-30')).toBe('30 Nov – 6 Dec');
  });
});
