import { DomainError } from '../shared/domain-error';
import type { PlanType } from './plan-types';

/** A plan's fields as an admin sends them (create) or as they stand after a change (edit). */
export interface PlanDefinitionInput {
  name: string;
  type: PlanType;
  description?: string;
  features?: string[];
  creditsPerWeek?: number | null;
  totalCredits?: number | null;
  durationDays?: number | null;
  commitmentMonths?: number | null;
  expiryDays?: number | null;
  /** Major units (e.g. 109.5 = £109.50). */
  price: number;
  currency?: string;
  purchasableByClient?: boolean;
  allowRepeatPurchase?: boolean;
  classTypeIds?: string[];
  /** Pays for every class type. Default: when it lists neither class types nor services (ADR 0017). */
  coversAllClassTypes?: boolean;
  appointmentServiceIds?: string[];
  active?: boolean;
}

export interface PlanDefinition {
  name: string;
  type: PlanType;
  description: string;
  features: string[];
  creditsPerWeek: number | null;
  totalCredits: number | null;
  durationDays: number | null;
  commitmentMonths: number | null;
  expiryDays: number | null;
  priceMinor: number;
  currency: string;
  purchasableByClient: boolean;
  allowRepeatPurchase: boolean;
  classTypeIds: string[];
  coversAllClassTypes: boolean;
  appointmentServiceIds: string[];
  active: boolean;
}

/** Which fields each type needs, and which it does not use (cleared so a plan never shows stale numbers). */
const FIELDS_BY_TYPE: Record<
  PlanType,
  { required: Array<keyof PlanDefinitionInput>; unused: Array<keyof PlanDefinitionInput> }
> = {
  RECURRING: { required: ['creditsPerWeek'], unused: ['totalCredits', 'durationDays', 'expiryDays'] },
  PACK: { required: ['totalCredits'], unused: ['creditsPerWeek', 'durationDays', 'commitmentMonths'] },
  PREPAID: { required: ['creditsPerWeek', 'durationDays'], unused: ['totalCredits', 'commitmentMonths', 'expiryDays'] },
};

const LABELS: Partial<Record<keyof PlanDefinitionInput, string>> = {
  creditsPerWeek: 'credits per week',
  totalCredits: 'total credits',
  durationDays: 'length in days',
};

const TYPE_NAMES: Record<PlanType, string> = {
  RECURRING: 'A recurring plan',
  PACK: 'A pack',
  PREPAID: 'A prepaid plan',
};

/**
 * Checks a plan's fields against its type (RECURRING needs credits per week, PACK total
 * credits, PREPAID credits per week and a length) and normalises it. Errors name the field.
 */
export function decidePlanDefinition(input: PlanDefinitionInput, studioCurrency: string): PlanDefinition | DomainError {
  const name = input.name.trim();
  if (!name) return new DomainError('VALIDATION_ERROR', 'name: give the plan a name', { field: 'name' });
  const rules = FIELDS_BY_TYPE[input.type];
  for (const field of rules.required) {
    const value = input[field];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      return new DomainError(
        'VALIDATION_ERROR',
        `${field}: ${TYPE_NAMES[input.type]} needs its ${LABELS[field] ?? field} (a whole number of at least 1)`,
        {
          field,
        },
      );
    }
  }
  if (!Number.isFinite(input.price) || input.price < 0) {
    return new DomainError('VALIDATION_ERROR', 'price: the price cannot be negative', { field: 'price' });
  }
  const priceMinor = Math.round(input.price * 100);
  if (Math.abs(priceMinor - input.price * 100) > 1e-6) {
    return new DomainError('VALIDATION_ERROR', 'price: use at most two decimal places', { field: 'price' });
  }
  const keep = (field: keyof PlanDefinitionInput) =>
    rules.unused.includes(field) ? null : ((input[field] as number | null | undefined) ?? null);
  return {
    name,
    type: input.type,
    description: input.description?.trim() ?? '',
    features: (input.features ?? []).map((f) => f.trim()).filter((f) => f.length > 0),
    creditsPerWeek: keep('creditsPerWeek'),
    totalCredits: keep('totalCredits'),
    durationDays: keep('durationDays'),
    commitmentMonths: keep('commitmentMonths'),
    expiryDays: keep('expiryDays'),
    priceMinor,
    currency: input.currency ?? studioCurrency,
    purchasableByClient: input.purchasableByClient ?? true,
    allowRepeatPurchase: input.allowRepeatPurchase ?? true,
    ...coverageOf(input),
    active: input.active ?? true,
  };
}

/**
 * What the plan pays for (ADR 0017): every class type, or the listed ones (none = no classes), and
 * the listed appointment services. Left unsaid, a plan listing nothing pays for every class type,
 * as plans did before appointments; a PT pack (services only) then pays for no class.
 */
function coverageOf(input: PlanDefinitionInput) {
  const classTypeIds = [...new Set(input.classTypeIds ?? [])];
  const appointmentServiceIds = [...new Set(input.appointmentServiceIds ?? [])];
  const coversAllClassTypes =
    input.coversAllClassTypes ?? (classTypeIds.length === 0 && appointmentServiceIds.length === 0);
  return { classTypeIds: coversAllClassTypes ? [] : classTypeIds, coversAllClassTypes, appointmentServiceIds };
}
