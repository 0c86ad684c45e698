import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { decidePlanDefinition } from './decide-plan-definition';

describe('decidePlanDefinition', () => {
  it('names the missing field of each type', () => {
    const cases = [
      [{ name: 'Weekly', type: 'RECURRING' as const, price: 109 }, 'creditsPerWeek'],
      [{ name: 'Ten pack', type: 'PACK' as const, price: 90 }, 'totalCredits'],
      [{ name: 'Challenge', type: 'PREPAID' as const, price: 297, creditsPerWeek: 5 }, 'durationDays'],
    ] as const;
    for (const [input, field] of cases) {
      const result = decidePlanDefinition(input, 'GBP');
      expect(result).toBeInstanceOf(DomainError);
      expect((result as DomainError).code).toBe('VALIDATION_ERROR');
      expect((result as DomainError).message.startsWith(`${field}:`)).toBe(true);
    }
  });

  it('stores prices in pence, clears fields the type does not use, defaults the currency', () => {
    const plan = decidePlanDefinition(
      {
        name: ' Kickstarter ',
        type: 'PREPAID',
        price: 297,
        creditsPerWeek: 5,
        durationDays: 42,
        totalCredits: 9,
        features: ['HR monitor included', ' '],
      },
      'GBP',
    );
    expect(plan).toMatchObject({
      name: 'Kickstarter',
      priceMinor: 29_700,
      totalCredits: null,
      durationDays: 42,
      currency: 'GBP',
      features: ['HR monitor included'],
    });
    expect(decidePlanDefinition({ name: 'x', type: 'PACK', totalCredits: 1, price: 9.99 }, 'GBP')).toMatchObject({
      priceMinor: 999,
    });
  });

  it('refuses a negative price or sub-penny amounts', () => {
    expect(
      (decidePlanDefinition({ name: 'x', type: 'PACK', totalCredits: 1, price: -1 }, 'GBP') as DomainError).code,
    ).toBe('VALIDATION_ERROR');
    expect(
      (decidePlanDefinition({ name: 'x', type: 'PACK', totalCredits: 1, price: 1.005 }, 'GBP') as DomainError).code,
    ).toBe('VALIDATION_ERROR');
  });
});
