import { describe, expect, it } from 'vitest';
import { WeekSnapshots } from '../../src/services/sessions/week-view';

/** A kept week of `sessions` sessions whose JSON is `chars` characters each (id included). */
const week = (version: string, sessions: number, chars: number) => ({
  version,
  sessions: Array.from({ length: sessions }, (_, i) => ({
    head: 'x'.repeat(chars - 1),
    id: String(i % 10),
    status: 'SCHEDULED' as const,
    startTime: new Date(0),
    lateCancelsAfter: new Date(0),
  })),
});

describe('the weeks an instance keeps', () => {
  it('keeps no more characters than its budget, dropping the least recently used week first', () => {
    const kept = new WeekSnapshots(1_000);
    kept.set('a', week('1', 4, 100)); // 400
    kept.set('b', week('1', 4, 100)); // 800
    expect(kept.get('a')?.version).toBe('1'); // a is now the most recently used
    kept.set('c', week('1', 4, 100)); // 1,200 > 1,000: b goes, not a
    expect(kept.get('b')).toBeUndefined();
    expect(kept.get('a')).toBeDefined();
    expect(kept.get('c')).toBeDefined();
  });

  it('replaces a week in place, and never keeps one larger than the whole budget', () => {
    const kept = new WeekSnapshots(1_000);
    kept.set('a', week('1', 4, 100));
    kept.set('a', week('2', 9, 100)); // 900: replaces a's 400 rather than adding to it
    expect(kept.get('a')?.version).toBe('2');
    kept.set('huge', week('1', 11, 100));
    expect(kept.get('huge')).toBeUndefined();
    expect(kept.get('a')?.version).toBe('2');
  });
});
