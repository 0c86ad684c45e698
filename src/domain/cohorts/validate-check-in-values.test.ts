import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import type { PromptInForce } from './prompts';
import { validateCheckInValues } from './validate-check-in-values';

const prompt = (p: Partial<PromptInForce> & Pick<PromptInForce, 'key' | 'kind'>): PromptInForce => ({
  label: p.key,
  unit: null,
  min: null,
  max: null,
  better: null,
  required: false,
  ...p,
});

const prompts: PromptInForce[] = [
  prompt({ key: 'weight', label: 'Weight', kind: 'number', unit: 'kg', min: 20, max: 400, required: true }),
  prompt({ key: 'energy', label: 'Energy', kind: 'scale' }),
  prompt({ key: 'steps', label: 'Steps', kind: 'number', min: 0, max: 100_000 }),
  prompt({ key: 'trainedToday', label: 'Trained today', kind: 'yes-no' }),
  prompt({ key: 'notes', label: 'Notes', kind: 'text' }),
];

const errorOf = (v: unknown) => {
  expect(v).toBeInstanceOf(DomainError);
  return v as DomainError;
};

describe('validateCheckInValues', () => {
  it('keeps valid values and stores weight in kg', () => {
    expect(
      validateCheckInValues(
        { weight: { st: 12, lb: 4 }, energy: 7, trainedToday: true, notes: '  good day ', steps: null },
        prompts,
      ),
    ).toEqual({
      weight: 78.02,
      energy: 7,
      trainedToday: true,
      notes: 'good day',
    });
  });

  it('refuses a weight of −5 or 900 kg naming the field', () => {
    for (const w of [-5, 900, { lb: 2000 }]) {
      const e = errorOf(validateCheckInValues({ weight: w }, prompts));
      expect(e.code).toBe('VALIDATION_ERROR');
      expect(e.message).toMatch(/^values\.weight: Weight must be between 20 and 400 kg$/);
    }
  });

  it('refuses unknown prompts, wrong kinds and missing required values', () => {
    expect(errorOf(validateCheckInValues({ weight: 80, mood: 3 }, prompts)).message).toMatch(/^values\.mood:/);
    expect(errorOf(validateCheckInValues({ weight: 80, energy: 7.5 }, prompts)).message).toMatch(
      /^values\.energy: .*whole number/,
    );
    expect(errorOf(validateCheckInValues({ weight: 80, energy: 11 }, prompts)).message).toMatch(/between 1 and 10/);
    expect(errorOf(validateCheckInValues({ weight: 80, trainedToday: 'yes' }, prompts)).message).toMatch(
      /^values\.trainedToday:/,
    );
    expect(errorOf(validateCheckInValues({ energy: 5 }, prompts)).message).toBe('values.weight: Weight is required');
    expect(
      errorOf(
        validateCheckInValues(
          {},
          prompts.map((p) => ({ ...p, required: false })),
        ),
      ).message,
    ).toMatch(/^values:/);
  });

  it('accepts exactly the numbers inside a prompt’s bounds', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (steps) => {
        const result = validateCheckInValues({ weight: 80, steps }, prompts);
        expect(result instanceof DomainError).toBe(steps < 0 || steps > 100_000);
      }),
    );
  });
});
