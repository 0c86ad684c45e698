import { describe, expect, it } from 'vitest';
import { addLocalDays } from '../time/studio-week';
import { attentionFlags, type AttentionInput } from './attention-flags';
import type { PromptDefinition } from './prompts';
import type { Question } from './questionnaire';

const today = '2026-04-13';
const prompts: PromptDefinition[] = [
  { key: 'weight', label: 'Weight', kind: 'number', unit: 'kg', min: 20, max: 400, better: null },
  { key: 'energy', label: 'Energy', kind: 'scale', unit: null, min: 1, max: 10, better: 'HIGHER' },
  { key: 'stress', label: 'Stress', kind: 'scale', unit: null, min: 1, max: 10, better: 'LOWER' },
];
const questions: Question[] = [
  { id: 'mood', kind: 'scale', label: 'How was your week?', required: true },
  { id: 'days', kind: 'number', label: 'Days trained', required: true, min: 0, max: 7 },
  { id: 'wins', kind: 'long-text', label: 'Wins', required: false },
];

function daily(days: number, values: (daysAgo: number) => Record<string, number>) {
  return Array.from({ length: days }, (_, i) => ({ date: addLocalDays(today, -(i + 1)), values: values(i + 1) }));
}

const base: AttentionInput = {
  today,
  joinedOn: '2026-03-01',
  cadenceDays: 1,
  checkIns: [],
  prompts,
  questions,
  answers: null,
};

describe('attention flags', () => {
  it('is quiet for a steady client with good answers', () => {
    const checkIns = daily(14, () => ({ weight: 80, energy: 7, stress: 3 }));
    expect(attentionFlags({ ...base, checkIns, answers: { mood: 8, days: 5, wins: 'PB on squat' } })).toEqual([]);
  });

  it('flags missed check-ins in the last seven days, but not before the client joined', () => {
    const checkIns = daily(14, () => ({ energy: 7 })).filter((_, i) => ![2, 3, 5].includes(i + 1)); // days ago
    const flags = attentionFlags({ ...base, checkIns });
    expect(flags).toContainEqual({ code: 'MISSED_CHECK_INS', message: 'Missed 3 check-ins in the last 7 days' });
    expect(attentionFlags({ ...base, joinedOn: today, checkIns: [] }).some((f) => f.code === 'MISSED_CHECK_INS')).toBe(
      false,
    );
  });

  it('flags a falling trend in either direction of "good", never for weight', () => {
    const checkIns = daily(14, (ago) =>
      ago <= 7 ? { energy: 4, stress: 7, weight: 90 } : { energy: 7, stress: 3, weight: 80 },
    );
    const messages = attentionFlags({ ...base, checkIns })
      .filter((f) => f.code === 'FALLING_TREND')
      .map((f) => f.message);
    expect(messages).toEqual(['Energy down from 7 to 4 (7-day average)', 'Stress up from 3 to 7 (7-day average)']);
  });

  it('needs enough values to call a trend', () => {
    const checkIns = daily(14, (ago) => (ago <= 7 ? { energy: 4 } : { energy: 9 })).filter((_, i) => i % 4 === 0);
    expect(attentionFlags({ ...base, checkIns }).some((f) => f.code === 'FALLING_TREND')).toBe(false);
  });

  it('flags low questionnaire answers and low check-in scales', () => {
    const checkIns = daily(7, () => ({ energy: 2, stress: 9 }));
    const flags = attentionFlags({ ...base, checkIns, answers: { mood: 3, days: 1 } }).filter(
      (f) => f.code === 'LOW_SCORES',
    );
    expect(flags.map((f) => f.message)).toEqual([
      '"How was your week?": 3/10',
      '"Days trained": 1 of 7',
      'Energy averaging 2/10 this week',
      'Stress averaging 9/10 this week',
    ]);
  });
});
