import { DomainError } from '../shared/domain-error';
import {
  DEFAULT_SCALE,
  MAX_TEXT_LENGTH,
  WEIGHT_PROMPT_KEY,
  type CheckInValue,
  type CheckInValues,
  type PromptInForce,
} from './prompts';
import { weightInputToKg } from './weight-units';

const invalid = (key: string, message: string) =>
  new DomainError('VALIDATION_ERROR', `values.${key}: ${message}`, { field: `values.${key}` });

function range(prompt: PromptInForce): { min: number | null; max: number | null } {
  if (prompt.kind === 'scale') return { min: prompt.min ?? DEFAULT_SCALE.min, max: prompt.max ?? DEFAULT_SCALE.max };
  return { min: prompt.min, max: prompt.max };
}

function describeRange(prompt: PromptInForce, min: number | null, max: number | null): string {
  const unit = prompt.unit ? ` ${prompt.unit}` : '';
  if (min !== null && max !== null) return `${prompt.label} must be between ${min} and ${max}${unit}`;
  if (min !== null) return `${prompt.label} must be at least ${min}${unit}`;
  return `${prompt.label} must be at most ${max}${unit}`;
}

/** One value checked against its prompt; returns the value to store (weight in kg). */
function checkValue(prompt: PromptInForce, raw: unknown): CheckInValue | DomainError {
  switch (prompt.kind) {
    case 'yes-no':
      return typeof raw === 'boolean' ? raw : invalid(prompt.key, `${prompt.label} is yes or no (true/false)`);
    case 'text': {
      if (typeof raw !== 'string') return invalid(prompt.key, `${prompt.label} must be text`);
      if (raw.length > MAX_TEXT_LENGTH)
        return invalid(prompt.key, `${prompt.label} is longer than ${MAX_TEXT_LENGTH} characters`);
      return raw.trim();
    }
    case 'number':
    case 'scale': {
      const isWeight = prompt.key === WEIGHT_PROMPT_KEY;
      const value = isWeight ? weightInputToKg(raw) : typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
      if (value === null) {
        return invalid(
          prompt.key,
          isWeight
            ? 'Weight must be a number (in kg, in lb, or in stones and pounds)'
            : `${prompt.label} must be a number`,
        );
      }
      if (prompt.kind === 'scale' && !Number.isInteger(value))
        return invalid(prompt.key, `${prompt.label} must be a whole number`);
      const { min, max } = range(prompt);
      if ((min !== null && value < min) || (max !== null && value > max))
        return invalid(prompt.key, describeRange(prompt, min, max));
      return value;
    }
  }
}

/**
 * Validates a check-in against the prompts in force for that client: every key must be one of
 * them, values must fit the prompt (a weight of −5 or 900 kg is refused naming the field), and
 * required prompts must be answered. null and blank text count as "not answered".
 */
export function validateCheckInValues(
  raw: Record<string, unknown>,
  prompts: readonly PromptInForce[],
): CheckInValues | DomainError {
  const byKey = new Map(prompts.map((p) => [p.key, p]));
  const values: CheckInValues = {};
  for (const [key, rawValue] of Object.entries(raw)) {
    const prompt = byKey.get(key);
    if (!prompt) return invalid(key, 'not one of the questions of your check-in');
    if (rawValue === null || rawValue === undefined) continue;
    const value = checkValue(prompt, rawValue);
    if (value instanceof DomainError) return value;
    if (value === '') continue;
    values[key] = value;
  }
  for (const prompt of prompts) {
    if (prompt.required && !(prompt.key in values)) return invalid(prompt.key, `${prompt.label} is required`);
  }
  if (Object.keys(values).length === 0) {
    return new DomainError('VALIDATION_ERROR', 'values: fill in at least one answer', { field: 'values' });
  }
  return values;
}
