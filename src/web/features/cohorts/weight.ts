import { displayWeight, stonesAndPounds, weightInputToKg } from '../../../domain/cohorts/weight-units';
import type { WeightUnit } from './types';

/**
 * Weight is stored in kg by the server; each client reads and types it in their own unit.
 * The conversions are the domain's (src/domain/cohorts/weight-units.ts), the same the server
 * applies; this file only holds what the inputs need around them.
 */
const LB_PER_STONE = 14;

export const WEIGHT_UNIT_LABELS: Record<WeightUnit, string> = { KG: 'kg', LB: 'lb', ST_LB: 'st + lb' };

/** A number in the unit for charts: kg, lb, or stones as a decimal (the server's own conversion). */
export function weightInUnit(kg: number, unit: WeightUnit): number {
  return displayWeight(kg, unit).value;
}

/** A draft as the weight inputs hold it. */
export interface WeightDraft {
  main: string;
  /** Pounds part when the unit is st + lb. */
  lb: string;
}

export function weightDraftFromKg(kg: number | undefined, unit: WeightUnit): WeightDraft {
  if (kg === undefined) return { main: '', lb: '' };
  if (unit === 'ST_LB') {
    const { st, lb } = stonesAndPounds(kg);
    return { main: String(st), lb: String(lb) };
  }
  return { main: String(weightInUnit(kg, unit)), lb: '' };
}

/** What to send for a draft; null when blank; 'invalid' when it is not a number. */
export function weightPayload(
  draft: WeightDraft,
  unit: WeightUnit,
): { kg: number } | { lb: number } | { st: number; lb: number } | null | 'invalid' {
  const main = draft.main.trim();
  const pounds = draft.lb.trim();
  if (unit === 'ST_LB') {
    if (!main && !pounds) return null;
    const st = main ? Number(main) : 0;
    const lb = pounds ? Number(pounds) : 0;
    return Number.isFinite(st) && Number.isFinite(lb) ? { st, lb } : 'invalid';
  }
  if (!main) return null;
  const value = Number(main);
  if (!Number.isFinite(value)) return 'invalid';
  return unit === 'KG' ? { kg: value } : { lb: value };
}

/** The kg a draft stands for (to carry a typed weight over when the client switches unit). */
export function draftToKg(draft: WeightDraft, unit: WeightUnit): number | undefined {
  const p = weightPayload(draft, unit);
  if (p === null || p === 'invalid') return undefined;
  return weightInputToKg(p) ?? undefined;
}

/** Why a typed weight cannot be read, in words; null when it can (the server still checks the range). */
export function weightDraftProblem(draft: WeightDraft, unit: WeightUnit): string | null {
  const payload = weightPayload(draft, unit);
  if (payload === 'invalid') return 'Enter your weight as a number.';
  if (payload && 'st' in payload) {
    if (!Number.isInteger(payload.st) || payload.st < 0) return 'Stones are a whole number.';
    if (payload.lb < 0 || payload.lb >= LB_PER_STONE)
      return `Pounds go from 0 to 13.9 (${LB_PER_STONE} lb make a stone).`;
  }
  return null;
}
