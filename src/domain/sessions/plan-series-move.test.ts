import { describe, expect, it } from 'vitest';
import { planSeriesMove } from './plan-series-move';

const at = (iso: string) => new Date(iso);
const London = 'Europe/London';

describe('planSeriesMove', () => {
  // Mon 23 Mar 2026 06:30 GMT (06:30Z); the clocks go forward on Sun 29 Mar.
  const anchor = { startTime: at('2026-03-23T06:30:00Z'), endTime: at('2026-03-23T06:55:00Z') };

  it('moves every class to the new wall-clock time, across the change to summer time', () => {
    const move = planSeriesMove(
      { before: anchor, after: { startTime: at('2026-03-23T07:00:00Z'), endTime: at('2026-03-23T07:30:00Z') } },
      London,
    );
    // Mon 30 Mar 06:30 BST is 05:30Z; moved to 07:00 BST = 06:00Z, and 30 minutes long now.
    expect(move({ startTime: at('2026-03-30T05:30:00Z'), endTime: at('2026-03-30T05:55:00Z') })).toEqual({
      startTime: at('2026-03-30T06:00:00Z'),
      endTime: at('2026-03-30T06:30:00Z'),
    });
    expect(move(anchor)).toEqual({ startTime: at('2026-03-23T07:00:00Z'), endTime: at('2026-03-23T07:30:00Z') });
  });

  it('moves every class by the same number of days when the anchor changes day', () => {
    // Monday 06:30 → Tuesday 18:00 (GMT), so the next Monday (BST) becomes Tuesday 18:00 BST = 17:00Z.
    const move = planSeriesMove(
      { before: anchor, after: { startTime: at('2026-03-24T18:00:00Z'), endTime: at('2026-03-24T18:25:00Z') } },
      London,
    );
    expect(move({ startTime: at('2026-03-30T05:30:00Z'), endTime: at('2026-03-30T05:55:00Z') })).toEqual({
      startTime: at('2026-03-31T17:00:00Z'),
      endTime: at('2026-03-31T17:25:00Z'),
    });
  });

  it('keeps a class where it is when only the length changes', () => {
    const move = planSeriesMove(
      { before: anchor, after: { startTime: anchor.startTime, endTime: at('2026-03-23T07:15:00Z') } },
      London,
    );
    expect(move({ startTime: at('2026-04-06T05:30:00Z'), endTime: at('2026-04-06T05:55:00Z') })).toEqual({
      startTime: at('2026-04-06T05:30:00Z'),
      endTime: at('2026-04-06T06:15:00Z'),
    });
  });
});
