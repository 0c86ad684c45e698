import { describe, expect, it } from 'vitest';
import { slotCounts, slotsOfDay } from './slot-list';
import { cancelText } from './text';
import type { Slots } from './types';

const gav = { id: 'g', name: 'Gav Cunningham' };
const clare = { id: 'c', name: 'Clare Cuming' };
// Sunday 29 March 2026: the UK clocks go forward at 01:00 UTC, so 09:00 London is 08:00 UTC.
const slots = {
  coaches: [
    { coach: gav, slots: ['2026-03-29T08:00:00.000Z', '2026-03-29T09:00:00.000Z', '2026-03-30T08:00:00.000Z'] },
    { coach: clare, slots: ['2026-03-29T08:00:00.000Z', '2026-03-28T23:30:00.000Z'] },
  ],
} as unknown as Slots;

describe('free times of a day', () => {
  // 23:30 UTC on the 28th is still Saturday in London (GMT until 01:00 UTC on the 29th).
  it('lists each start of the studio day once, by time, offering the first coach by name when several are free', () => {
    expect(slotsOfDay(slots, '2026-03-29', 'Europe/London')).toEqual([
      { startTime: '2026-03-29T08:00:00.000Z', coach: clare },
      { startTime: '2026-03-29T09:00:00.000Z', coach: gav },
    ]);
  });

  it("offers the preferred coach (a moved appointment's own) wherever they are free", () => {
    expect(slotsOfDay(slots, '2026-03-29', 'Europe/London', gav.id)).toEqual([
      { startTime: '2026-03-29T08:00:00.000Z', coach: gav },
      { startTime: '2026-03-29T09:00:00.000Z', coach: gav },
    ]);
    expect(slotsOfDay(slots, '2026-03-28', 'Europe/London', gav.id)).toEqual([
      { startTime: '2026-03-28T23:30:00.000Z', coach: clare },
    ]);
  });

  it('counts free times per studio day, a shared start once', () => {
    expect(slotCounts(slots, 'Europe/London')).toEqual({ '2026-03-28': 1, '2026-03-29': 2, '2026-03-30': 1 });
  });
});

describe('what cancelling a 1-on-1 means', () => {
  const base = { creditsConsumed: 1, lateCancelsAfter: '2026-03-30T08:00:00.000Z' };
  it('warns that the credit is lost inside the cutoff', () => {
    const r = cancelText({ ...base, cancelWouldBeLate: true }, 'Europe/London');
    expect(r.late).toBe(true);
    expect(r.text).toMatch(/^You'll lose the credit/);
  });
  it('promises the credit back before the cutoff', () => {
    const r = cancelText({ ...base, cancelWouldBeLate: false }, 'Europe/London');
    expect(r).toEqual({
      late: false,
      text: '1 credit will be given back. Cancelling after Mon 30 Mar at 09:00 would keep it.',
    });
  });
  it('has nothing to lose when no credit was used', () => {
    expect(cancelText({ ...base, creditsConsumed: 0, cancelWouldBeLate: true }, 'Europe/London').text).toMatch(
      /nothing is lost/,
    );
  });
});
