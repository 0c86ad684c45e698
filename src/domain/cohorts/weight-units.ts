/**
 * Weight is stored in kilograms; each client enters and reads it in kg, lb, or stones and pounds
 * (how UK clients think of their weight). 1 lb = 0.45359237 kg exactly; 1 st = 14 lb.
 */
export const WEIGHT_UNITS = ['KG', 'LB', 'ST_LB'] as const;
export type WeightUnit = (typeof WEIGHT_UNITS)[number];

export const KG_PER_LB = 0.45359237;
const LB_PER_STONE = 14;

const round = (value: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Kilograms (to 0.01 kg) from any accepted input shape; null when the shape is not one of them. */
export function weightInputToKg(input: unknown): number | null {
  if (isFiniteNumber(input)) return round(input, 2);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  const o = input as Record<string, unknown>;
  const keys = Object.keys(o).sort().join(',');
  if (keys === 'kg' && isFiniteNumber(o.kg)) return round(o.kg, 2);
  if (keys === 'lb' && isFiniteNumber(o.lb)) return round(o.lb * KG_PER_LB, 2);
  if (keys === 'lb,st' && isFiniteNumber(o.st) && isFiniteNumber(o.lb)) {
    if (!Number.isInteger(o.st) || o.st < 0 || o.lb < 0 || o.lb >= LB_PER_STONE) return null;
    return round((o.st * LB_PER_STONE + o.lb) * KG_PER_LB, 2);
  }
  return null;
}

export interface WeightDisplay {
  unit: WeightUnit;
  /** A number in the unit, for charts: kg, lb, or stones as a decimal. */
  value: number;
  /** How a person reads it: "82.4 kg", "181.7 lb", "12 st 13.7 lb". */
  text: string;
}

export function displayWeight(kg: number, unit: WeightUnit): WeightDisplay {
  if (unit === 'KG') {
    const value = round(kg, 1);
    return { unit, value, text: `${value} kg` };
  }
  const totalLb = kg / KG_PER_LB;
  if (unit === 'LB') {
    const value = round(totalLb, 1);
    return { unit, value, text: `${value} lb` };
  }
  const { st, lb } = stonesAndPounds(kg);
  return { unit, value: round(totalLb / LB_PER_STONE, 2), text: `${st} st ${lb} lb` };
}

/** Whole stones and pounds to 0.1 lb. Rounds the pounds first so 12 st 13.96 lb reads 13 st 0 lb, never "12 st 14 lb". */
export function stonesAndPounds(kg: number): { st: number; lb: number } {
  const tenthsOfLb = Math.round((kg / KG_PER_LB) * 10);
  const st = Math.floor(tenthsOfLb / (LB_PER_STONE * 10));
  return { st, lb: (tenthsOfLb - st * LB_PER_STONE * 10) / 10 };
}
