import { useId } from 'react';
import { Field } from '../../components/ui/field';
import { Input, Select, Textarea } from '../../components/ui/input';
import { ChoiceGroup } from './choice-group';
import type { CheckIn, CheckInValues, Prompt, WeightUnit } from './types';
import { WEIGHT_UNIT_LABELS, weightDraftFromKg, weightPayload, type WeightDraft } from './weight';

/** The weight prompt's key: its value is kg on the server and the client's own unit on screen. */
export const WEIGHT_KEY = 'weight';

/** What a check-in form holds for one prompt: text as typed, 'yes'/'no', or a weight draft. */
export type PromptDraft = string | WeightDraft;
export type CheckInDraft = Record<string, PromptDraft>;

export function draftFromValues(prompts: Prompt[], values: CheckInValues | undefined, unit: WeightUnit): CheckInDraft {
  const draft: CheckInDraft = {};
  for (const p of prompts) {
    const v = values?.[p.key];
    if (p.key === WEIGHT_KEY) draft[p.key] = weightDraftFromKg(typeof v === 'number' ? v : undefined, unit);
    else if (p.kind === 'yes-no') draft[p.key] = v === true ? 'yes' : v === false ? 'no' : '';
    else draft[p.key] = v === undefined ? '' : String(v);
  }
  return draft;
}

/** The `values` to send; a blank answer is sent as null ("not answered"), the server checks the rest. */
export function payloadFromDraft(prompts: Prompt[], draft: CheckInDraft, unit: WeightUnit): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const p of prompts) {
    const d = draft[p.key];
    if (d === undefined) continue;
    if (typeof d !== 'string') {
      const w = weightPayload(d, unit);
      values[p.key] = w === 'invalid' ? d.main : w;
    } else if (p.kind === 'yes-no') values[p.key] = d === 'yes' ? true : d === 'no' ? false : null;
    else if (p.kind === 'text') values[p.key] = d.trim() === '' ? null : d;
    else values[p.key] = d.trim() === '' ? null : Number.isFinite(Number(d)) ? Number(d) : d;
  }
  return values;
}

const n = (v: number) => v.toLocaleString('en-GB');

function rangeHint(p: Prompt): string | undefined {
  const unit = p.unit ? ` ${p.unit}` : '';
  if (p.kind === 'scale') return `${p.min ?? 1} = lowest, ${p.max ?? 10} = highest`;
  if (p.min !== null && p.max !== null) return `${n(p.min)}–${n(p.max)}${unit}`;
  return undefined;
}

/** The label; optional prompts say so (required is the default a client expects). */
function label(p: Prompt) {
  const showUnit =
    p.unit &&
    p.key !== WEIGHT_KEY &&
    !(p.min !== null && p.max !== null) &&
    p.unit.toLowerCase() !== p.label.toLowerCase();
  return (
    <>
      {p.label}
      {showUnit && <span className="font-normal text-slate-600"> ({p.unit})</span>}
      {!p.required && <span className="font-normal text-slate-600"> (optional)</span>}
    </>
  );
}

function WeightField(props: {
  prompt: Prompt;
  draft: WeightDraft;
  unit: WeightUnit;
  error?: string | null;
  disabled?: boolean;
  onChange: (d: WeightDraft) => void;
  onUnitChange?: (unit: WeightUnit) => void;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const described = props.error ? errorId : undefined;
  const common = {
    inputMode: 'decimal' as const,
    disabled: props.disabled,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': described,
  };
  return (
    <fieldset>
      <legend className="mb-1.5 block text-sm font-medium text-slate-800">{label(props.prompt)}</legend>
      <div className="flex flex-wrap items-center gap-2">
        {props.unit === 'ST_LB' ? (
          <>
            <Input
              {...common}
              aria-label="Stones"
              className="w-20"
              value={props.draft.main}
              onChange={(e) => props.onChange({ ...props.draft, main: e.target.value })}
            />
            <span className="text-sm text-slate-700" aria-hidden>
              st
            </span>
            <Input
              {...common}
              aria-label="Pounds"
              className="w-20"
              value={props.draft.lb}
              onChange={(e) => props.onChange({ ...props.draft, lb: e.target.value })}
            />
            <span className="text-sm text-slate-700" aria-hidden>
              lb
            </span>
          </>
        ) : (
          <Input
            {...common}
            aria-label={`Weight in ${WEIGHT_UNIT_LABELS[props.unit]}`}
            className="w-28"
            value={props.draft.main}
            onChange={(e) => props.onChange({ ...props.draft, main: e.target.value })}
          />
        )}
        {props.onUnitChange ? (
          <Select
            aria-label="Weight unit"
            className="h-11 w-28"
            value={props.unit}
            disabled={props.disabled}
            onChange={(e) => props.onUnitChange!(e.target.value as WeightUnit)}
          >
            {Object.entries(WEIGHT_UNIT_LABELS).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </Select>
        ) : (
          props.unit !== 'ST_LB' && (
            <span className="text-sm text-slate-700" aria-hidden>
              {WEIGHT_UNIT_LABELS[props.unit]}
            </span>
          )
        )}
      </div>
      {props.error && (
        <p id={errorId} className="mt-1.5 text-sm text-red-700" role="alert">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}

const SCALE = (p: Prompt) => {
  const min = p.min ?? 1;
  const max = p.max ?? 10;
  return Array.from({ length: max - min + 1 }, (_, i) => String(min + i)).map((v) => ({ value: v, label: v }));
};

/** One check-in question, with the control its kind needs. */
export function PromptField(props: {
  prompt: Prompt;
  draft: PromptDraft;
  unit: WeightUnit;
  error?: string | null;
  disabled?: boolean;
  onChange: (d: PromptDraft) => void;
  /** Weight only: the client switches between kg, lb and st + lb. */
  onUnitChange?: (unit: WeightUnit) => void;
}) {
  const { prompt: p, draft } = props;
  if (typeof draft !== 'string') {
    return (
      <WeightField
        prompt={p}
        draft={draft}
        unit={props.unit}
        error={props.error}
        disabled={props.disabled}
        onChange={props.onChange}
        onUnitChange={props.onUnitChange}
      />
    );
  }
  switch (p.kind) {
    case 'yes-no':
      return (
        <ChoiceGroup
          legend={label(p)}
          error={props.error}
          disabled={props.disabled}
          value={draft}
          onChange={props.onChange}
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
        />
      );
    case 'scale':
      return (
        <ChoiceGroup
          legend={label(p)}
          hint={rangeHint(p)}
          error={props.error}
          disabled={props.disabled}
          value={draft}
          onChange={props.onChange}
          options={SCALE(p)}
          layout="grid5"
        />
      );
    case 'text':
      return (
        <Field label={label(p)} error={props.error}>
          <Textarea
            className="min-h-20"
            value={draft}
            disabled={props.disabled}
            onChange={(e) => props.onChange(e.target.value)}
          />
        </Field>
      );
    case 'number':
      return (
        <Field label={label(p)} hint={rangeHint(p)} error={props.error}>
          <Input
            inputMode="decimal"
            className="w-40"
            value={draft}
            disabled={props.disabled}
            onChange={(e) => props.onChange(e.target.value)}
          />
        </Field>
      );
  }
}

/** How a stored answer reads: "Yes", "7 / 10", "8,500 steps"; weight as the server wrote it in the client's unit. */
export function formatCheckInValue(
  p: Pick<Prompt, 'key' | 'kind' | 'unit' | 'max'>,
  checkIn: Pick<CheckIn, 'values' | 'weight'>,
): string {
  const value = checkIn.values[p.key];
  if (value === undefined) return '—';
  if (p.key === WEIGHT_KEY && checkIn.weight) return checkIn.weight.text;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return value;
  if (p.kind === 'scale') return `${value} / ${p.max ?? 10}`;
  return `${value.toLocaleString('en-GB')}${p.unit ? ` ${p.unit}` : ''}`;
}
