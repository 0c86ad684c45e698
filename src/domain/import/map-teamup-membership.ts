import { z } from 'zod';
import { stripHtml } from './strip-html';
import { appointmentServiceForPlan, type ImportedServiceName } from './appointment-service-for-plan';
import { whereInFile, type ImportProblem } from './import-report';

const money = z
  .object({ decimal: z.number().min(0).max(1_000_000), iso_currency_code: z.string().length(3).nullish() })
  .nullish();

const teamupMembership = z.object({
  id: z.union([z.number(), z.string().min(1).max(64)]).transform(String),
  type: z.string().max(40),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(20_000).nullish(),
  price: money,
  one_time_fee: money,
  duration: z.number().int().min(0).max(10_000).nullish(),
  duration_unit: z.string().max(20).nullish(),
  allotment: z.unknown().optional(),
  allow_repeat_purchases: z.boolean().nullish(),
  for_sale: z.boolean().nullish(),
});

export type ImportedPlanType = 'RECURRING' | 'PACK' | 'PREPAID';

export interface ImportedPlan {
  externalId: string;
  row: number;
  name: string;
  type: ImportedPlanType;
  description: string;
  priceMinor: number;
  currency: string | null;
  /** PACK: credits in the pack; RECURRING and PREPAID: credits a week. null = the report asks. */
  credits: number | null;
  durationDays: number | null;
  commitmentMonths: number | null;
  allowRepeatPurchase: boolean;
  forSale: boolean;
  /** Personal training or massage (name or description): a 1-on-1 plan, never one that pays for classes. */
  forAppointments: boolean;
  /** The 1-on-1 service its name says it pays for; null for class plans and unplaceable 1-on-1 ones. */
  appointmentService: ImportedServiceName | null;
  priceKnown: boolean;
}

const TYPES: Record<string, ImportedPlanType> = { recurring_plan: 'RECURRING', pack: 'PACK', prepaid_plan: 'PREPAID' };
const DAYS_PER_UNIT: Record<string, number> = { day: 1, days: 1, week: 7, weeks: 7, month: 30, months: 30 };

/** "3 HIIT sessions per week and 3 CORE session per week" → 6. */
function weeklyCreditsFromText(text: string): number | null {
  const matches = [
    ...text.matchAll(/(\d{1,2})\s+(?:[a-z]+\s+){0,3}?(?:sessions?|classes?|visits?)\s+(?:per|a|each)\s+week/gi),
  ];
  const sum = matches.reduce((n, m) => n + Number(m[1]), 0);
  return sum > 0 ? sum : null;
}

/** TeamUp's allotment, when the export carries it inline (`{count: 10}` or a number), not as a link. */
function allotmentCount(allotment: unknown): number | null {
  if (typeof allotment === 'number' && allotment > 0) return Math.floor(allotment);
  const count = (allotment as { count?: unknown } | null)?.count;
  return typeof count === 'number' && count > 0 ? Math.floor(count) : null;
}

/**
 * One TeamUp membership → a Roster plan. A pack's size comes from its allotment or the number
 * in its name ("10 Personal Training Sessions"); weekly credits from the description ("3 …
 * sessions per week"). When the export cannot say, `credits` is null and the import asks
 * (`answers`, by TeamUp id) instead of guessing.
 */
export function mapTeamupMembership(
  record: unknown,
  row: number,
  fileName: string,
  answers: Readonly<Record<string, number>>,
): ImportedPlan | ImportProblem {
  const parsed = teamupMembership.safeParse(record);
  const where = whereInFile('memberships', fileName, row, parsed.success ? parsed.data.id : undefined);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      file: 'memberships',
      fileName,
      row,
      severity: 'error',
      message: `${where}: ${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'not a TeamUp membership'}`,
    };
  }
  const m = parsed.data;
  const type = TYPES[m.type];
  if (!type)
    return {
      file: 'memberships',
      fileName,
      row,
      severity: 'error',
      message: `${where}: "${m.name}" is a ${m.type}, which Roster has no plan kind for.`,
    };
  const description = stripHtml(m.description);
  const price = m.price ?? m.one_time_fee;
  const answered = answers[m.id];
  const fromExport =
    type === 'PACK'
      ? (allotmentCount(m.allotment) ?? (Number(/\b(\d{1,3})\b/.exec(m.name)?.[1]) || null))
      : weeklyCreditsFromText(`${m.name} ${description}`);
  const service = appointmentServiceForPlan(m.name);
  const unitDays = DAYS_PER_UNIT[(m.duration_unit ?? '').toLowerCase()];
  const weeksInName = /(\d{1,2})\s*weeks?/i.exec(m.name)?.[1];
  return {
    externalId: m.id,
    row,
    name: m.name,
    type,
    description,
    priceMinor: price ? Math.round(price.decimal * 100) : 0,
    priceKnown: Boolean(price),
    currency: price?.iso_currency_code?.toUpperCase() ?? null,
    credits: answered !== undefined && Number.isInteger(answered) && answered > 0 ? answered : fromExport,
    durationDays:
      type === 'PREPAID'
        ? m.duration && unitDays
          ? m.duration * unitDays
          : weeksInName
            ? Number(weeksInName) * 7
            : null
        : null,
    commitmentMonths: type === 'RECURRING' ? Number(/(\d{1,2})\s*months?/i.exec(m.name)?.[1]) || null : null,
    allowRepeatPurchase: m.allow_repeat_purchases ?? true,
    forSale: m.for_sale ?? true,
    forAppointments: service !== null || /personal training|\bPT\b|massage/i.test(`${m.name} ${description}`),
    appointmentService: service,
  };
}
