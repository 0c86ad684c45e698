import { describe, expect, it } from 'vitest';
import { endKeepingLength } from './keep-length';

describe('moving a class start keeps its length', () => {
  it('moves the end by as much as the start', () => {
    expect(endKeepingLength({ start: '10:00', end: '10:25' }, '10:30')).toBe('10:55');
    expect(endKeepingLength({ start: '18:00', end: '19:00' }, '17:15')).toBe('18:15');
  });
  it('leaves the end alone while a time is half typed or the class had no length', () => {
    expect(endKeepingLength({ start: '10:00', end: '10:25' }, '1')).toBe('10:25');
    expect(endKeepingLength({ start: '', end: '10:25' }, '10:30')).toBe('10:25');
    expect(endKeepingLength({ start: '10:30', end: '10:00' }, '11:00')).toBe('10:00');
  });
  it('wraps past midnight as a clock does', () => {
    expect(endKeepingLength({ start: '22:00', end: '23:30' }, '23:00')).toBe('00:30');
  });
});
