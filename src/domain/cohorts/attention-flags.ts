import { addLocalDays, type LocalDate } from '../time/studio-week';
import { missedCheckIns } from './check-in-stats';
import { DEFAULT_SCALE, type CheckInValues, type PromptDefinition } from './prompts';
import { QUESTION_SCALE, type Answers, type Question } from './questionnaire';

export const ATTENTION_FLAG_CODES = ['MISSED_CHECK_INS', 'FALLING_TREND', 'LOW_SCORES'] as const;
export type AttentionFlagCode = (typeof ATTENTION_FLAG_CODES)[number];
export interface AttentionFlag {
  code: AttentionFlagCode;
  message: string;
}

/** Thresholds a coach would recognise; tuned to flag, not to alarm. */
export const ATTENTION_RULES = {
  /** Complete days looked back on for missed check-ins and for the recent trend. */
  windowDays: 7,
  missedCheckInsAtLeast: 2,
  /** A 7-day average worse than the 7 days before by this share of the scale (or of the value). */
  trendDropShare: 0.15,
  trendMinValuesPerWindow: 3,
  /** Scale answers at or below this are low (on 1–10). */
  lowScaleAnswer: 3,
  /** Number answers in the bottom share of their min–max range are low (e.g. trained 0–1 of 7 days). */
  lowNumberShare: 0.2,
  /** A scale check-in prompt averaging in the worst share of its range is low. */
  lowCheckInAverageShare: 0.25,
} as const;

export interface AttentionInput {
  today: LocalDate;
  /** The day the client joined the cohort: days before it are not "missed". */
  joinedOn: LocalDate;
  cadenceDays: number;
  checkIns: ReadonlyArray<{ date: LocalDate; values: CheckInValues }>;
  prompts: readonly PromptDefinition[];
  questions: readonly Question[];
  answers: Answers | null;
}

const average = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (n: number) => String(Math.round(n * 10) / 10);

function numbersBetween(input: AttentionInput, key: string, from: LocalDate, to: LocalDate): number[] {
  return input.checkIns
    .filter((c) => c.date >= from && c.date <= to && typeof c.values[key] === 'number')
    .map((c) => c.values[key] as number);
}

function bounds(p: PromptDefinition) {
  return p.kind === 'scale'
    ? { min: p.min ?? DEFAULT_SCALE.min, max: p.max ?? DEFAULT_SCALE.max }
    : { min: p.min, max: p.max };
}

function trendFlags(input: AttentionInput): AttentionFlag[] {
  const w = ATTENTION_RULES.windowDays;
  const recent = { from: addLocalDays(input.today, -w), to: addLocalDays(input.today, -1) };
  const before = { from: addLocalDays(input.today, -2 * w), to: addLocalDays(input.today, -w - 1) };
  const flags: AttentionFlag[] = [];
  for (const p of input.prompts) {
    if (!p.better || (p.kind !== 'number' && p.kind !== 'scale')) continue;
    const last = numbersBetween(input, p.key, recent.from, recent.to);
    const prev = numbersBetween(input, p.key, before.from, before.to);
    if (last.length < ATTENTION_RULES.trendMinValuesPerWindow || prev.length < ATTENTION_RULES.trendMinValuesPerWindow)
      continue;
    const [lastAvg, prevAvg] = [average(last), average(prev)];
    const { min, max } = bounds(p);
    const scale = min !== null && max !== null ? max - min : Math.abs(prevAvg);
    if (scale === 0) continue;
    const worsening = ((prevAvg - lastAvg) * (p.better === 'HIGHER' ? 1 : -1)) / scale;
    if (worsening >= ATTENTION_RULES.trendDropShare) {
      const direction = lastAvg < prevAvg ? 'down' : 'up';
      flags.push({
        code: 'FALLING_TREND',
        message: `${p.label} ${direction} from ${fmt(prevAvg)} to ${fmt(lastAvg)} (7-day average)`,
      });
    }
  }
  return flags;
}

function lowScoreFlags(input: AttentionInput): AttentionFlag[] {
  const flags: AttentionFlag[] = [];
  for (const q of input.questions) {
    const answer = input.answers?.[q.id];
    if (typeof answer !== 'number') continue;
    if (q.kind === 'scale' && answer <= ATTENTION_RULES.lowScaleAnswer) {
      flags.push({ code: 'LOW_SCORES', message: `"${q.label}": ${answer}/${QUESTION_SCALE.max}` });
    }
    if (q.kind === 'number' && q.min !== undefined && q.max !== undefined && q.max > q.min) {
      if (answer <= q.min + ATTENTION_RULES.lowNumberShare * (q.max - q.min)) {
        flags.push({ code: 'LOW_SCORES', message: `"${q.label}": ${answer} of ${q.max}` });
      }
    }
  }
  const w = ATTENTION_RULES.windowDays;
  for (const p of input.prompts) {
    if (p.kind !== 'scale' || !p.better) continue;
    const values = numbersBetween(input, p.key, addLocalDays(input.today, -w), input.today);
    if (values.length === 0) continue;
    const { min, max } = bounds(p) as { min: number; max: number };
    const share = (average(values) - min) / (max - min);
    const bad =
      p.better === 'HIGHER'
        ? share <= ATTENTION_RULES.lowCheckInAverageShare
        : share >= 1 - ATTENTION_RULES.lowCheckInAverageShare;
    if (bad)
      flags.push({ code: 'LOW_SCORES', message: `${p.label} averaging ${fmt(average(values))}/${max} this week` });
  }
  return flags;
}

/**
 * Why a coach should look at this client first: missed check-ins, a prompt trending the wrong
 * way, low questionnaire answers or check-in scores.
 */
export function attentionFlags(input: AttentionInput): AttentionFlag[] {
  const flags: AttentionFlag[] = [];
  const missed = missedCheckIns(
    input.checkIns.map((c) => c.date),
    input.today,
    input.cadenceDays,
    ATTENTION_RULES.windowDays,
    input.joinedOn,
  );
  if (missed >= ATTENTION_RULES.missedCheckInsAtLeast) {
    flags.push({
      code: 'MISSED_CHECK_INS',
      message: `Missed ${missed} check-ins in the last ${ATTENTION_RULES.windowDays} days`,
    });
  }
  return [...flags, ...trendFlags(input), ...lowScoreFlags(input)];
}
