import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KG_PER_LB, WEIGHT_UNITS, displayWeight, weightInputToKg } from './weight-units';

describe('weight units', () => {
  it('reads kg, lb and st + lb inputs as kg', () => {
    expect(weightInputToKg(82.456)).toBe(82.46);
    expect(weightInputToKg({ kg: 70 })).toBe(70);
    expect(weightInputToKg({ lb: 180 })).toBe(81.65);
    expect(weightInputToKg({ st: 12, lb: 4 })).toBe(78.02); // 172 lb
  });

  it('refuses shapes it does not know', () => {
    for (const bad of [
      '80',
      null,
      [],
      {},
      { kg: '80' },
      { stone: 12 },
      { st: 12.5, lb: 0 },
      { st: 12, lb: 14 },
      { st: 12, lb: -1 },
      { kg: 80, lb: 2 },
      Number.NaN,
    ]) {
      expect(weightInputToKg(bad)).toBeNull();
    }
  });

  it('shows weight the way each unit is read', () => {
    expect(displayWeight(82.46, 'KG')).toEqual({ unit: 'KG', value: 82.5, text: '82.5 kg' });
    expect(displayWeight(81.65, 'LB').text).toBe('180 lb');
    expect(displayWeight(78.02, 'ST_LB').text).toBe('12 st 4 lb');
    // 13 st minus a hair rounds up to 13 st 0 lb, never "12 st 14 lb"
    expect(displayWeight(13 * 14 * KG_PER_LB - 0.01, 'ST_LB').text).toBe('13 st 0 lb');
  });

  it('round-trips: what a client reads back is what they entered, to the display precision', () => {
    fc.assert(
      fc.property(fc.double({ min: 20, max: 400, noNaN: true }), (kg) => {
        const stored = weightInputToKg(kg)!;
        const lb = displayWeight(stored, 'LB');
        expect(Math.abs(weightInputToKg({ lb: lb.value })! - stored)).toBeLessThanOrEqual(0.05 * KG_PER_LB + 0.01);
        const text = displayWeight(stored, 'ST_LB').text;
        const [, st, pounds] = /^(\d+) st ([\d.]+) lb$/.exec(text)!;
        expect(Number(pounds)).toBeLessThan(14);
        expect(Math.abs(weightInputToKg({ st: Number(st), lb: Number(pounds) })! - stored)).toBeLessThanOrEqual(
          0.05 * KG_PER_LB + 0.01,
        );
        for (const unit of WEIGHT_UNITS) expect(Number.isFinite(displayWeight(stored, unit).value)).toBe(true);
      }),
    );
  });
});
