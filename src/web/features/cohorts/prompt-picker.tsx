import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/field';
import { Input, Select } from '../../components/ui/input';
import type { PromptKind } from './types';
import type { CatalogueEntry } from './use-cohorts';

export const PROMPT_KIND_LABELS: Record<PromptKind, string> = {
  number: 'Number',
  scale: 'Scale 1–10',
  'yes-no': 'Yes / no',
  text: 'Text',
};

/** A cohort's prompts as the form holds them: catalogue prompts by key, plus new custom ones. */
export type PromptChoice =
  | { key: string; required: boolean }
  | { draftId: string; label: string; kind: PromptKind; unit: string; min: string; max: string; required: boolean };

const describe = (p: { kind: PromptKind; unit: string | null; min: number | null; max: number | null }) =>
  [
    PROMPT_KIND_LABELS[p.kind],
    p.unit,
    p.kind !== 'scale' && p.min !== null && p.max !== null ? `${p.min}–${p.max}` : null,
  ]
    .filter(Boolean)
    .join(' · ');

/** The `prompts` body: catalogue keys in catalogue order, then the new custom prompts. */
export function promptsPayload(choices: PromptChoice[], catalogue: CatalogueEntry[]) {
  const order = new Map(catalogue.map((c, i) => [c.key, i]));
  const known = choices
    .filter((c): c is Extract<PromptChoice, { key: string }> => 'key' in c)
    .sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
  const custom = choices.filter((c): c is Extract<PromptChoice, { draftId: string }> => 'draftId' in c);
  return [
    ...known.map((c) => ({ key: c.key, required: c.required })),
    ...custom.map((c) => ({
      label: c.label,
      kind: c.kind,
      unit: c.unit.trim() || null,
      ...(c.min.trim() !== '' ? { min: Number(c.min) } : {}),
      ...(c.max.trim() !== '' ? { max: Number(c.max) } : {}),
      required: c.required,
    })),
  ];
}

function NewPromptForm(props: { onAdd: (p: Extract<PromptChoice, { draftId: string }>) => void }) {
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<PromptKind>('number');
  const [unit, setUnit] = useState('');
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  const ranged = kind === 'number' || kind === 'scale';
  return (
    <div className="space-y-3 rounded-lg border border-dashed border-slate-300 p-3">
      <p className="text-sm font-semibold text-slate-800">Add your own prompt</p>
      <Field label="Label">
        <Input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="e.g. Minutes of mobility" />
      </Field>
      <div className="flex flex-wrap gap-3">
        <Field label="Kind" className="w-40">
          <Select value={kind} onChange={(e) => setKind(e.target.value as PromptKind)}>
            {Object.entries(PROMPT_KIND_LABELS).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
        </Field>
        {kind === 'number' && (
          <Field label="Unit" className="w-28">
            <Input value={unit} onChange={(e) => setUnit(e.target.value)} placeholder="min" />
          </Field>
        )}
        {ranged && (
          <>
            <Field label="Lowest" className="w-24">
              <Input
                inputMode="decimal"
                value={min}
                onChange={(e) => setMin(e.target.value)}
                placeholder={kind === 'scale' ? '1' : ''}
              />
            </Field>
            <Field label="Highest" className="w-24">
              <Input
                inputMode="decimal"
                value={max}
                onChange={(e) => setMax(e.target.value)}
                placeholder={kind === 'scale' ? '10' : ''}
              />
            </Field>
          </>
        )}
      </div>
      <Button
        variant="secondary"
        size="sm"
        disabled={!label.trim()}
        onClick={() => {
          props.onAdd({
            draftId: crypto.randomUUID(),
            label: label.trim(),
            kind,
            unit: kind === 'number' ? unit : '',
            min: ranged ? min : '',
            max: ranged ? max : '',
            required: false,
          });
          setLabel('');
          setUnit('');
          setMin('');
          setMax('');
        }}
      >
        <Plus className="size-4" aria-hidden /> Add prompt
      </Button>
    </div>
  );
}

/** Which check-in prompts the cohort asks, and which are required. */
export function PromptPicker(props: {
  catalogue: CatalogueEntry[];
  value: PromptChoice[];
  onChange: (v: PromptChoice[]) => void;
  error?: string | null;
  disabled?: boolean;
}) {
  const chosen = new Map(props.value.flatMap((c) => ('key' in c ? [[c.key, c] as const] : [])));
  const custom = props.value.filter((c): c is Extract<PromptChoice, { draftId: string }> => 'draftId' in c);
  const setKnown = (key: string, next: { required: boolean } | null) => {
    const rest = props.value.filter((c) => !('key' in c) || c.key !== key);
    props.onChange(next ? [...rest, { key, required: next.required }] : rest);
  };
  return (
    <fieldset disabled={props.disabled} className="space-y-3">
      <legend className="mb-1 text-sm font-medium text-slate-800">Check-in prompts</legend>
      <p className="text-sm text-slate-600">
        What clients log at each check-in. Weight is entered in each client's own unit (kg, lb or st + lb).
      </p>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
        {props.catalogue.map((p) => {
          const choice = chosen.get(p.key);
          return (
            <li key={p.key} className="flex items-center justify-between gap-3 px-3">
              <label className="flex min-h-11 min-w-0 flex-1 items-center gap-2 py-1.5 text-sm">
                <input
                  type="checkbox"
                  className="size-5 shrink-0 accent-brand-700"
                  checked={!!choice}
                  onChange={(e) => setKnown(p.key, e.target.checked ? { required: false } : null)}
                />
                <span className="min-w-0">
                  <span className="font-medium text-slate-900">{p.label}</span> {!p.builtIn && <Badge>custom</Badge>}
                  <span className="block text-xs text-slate-600">{describe(p)}</span>
                </span>
              </label>
              {choice && (
                <label className="flex min-h-11 items-center gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    className="size-4 accent-brand-700"
                    checked={choice.required}
                    onChange={(e) => setKnown(p.key, { required: e.target.checked })}
                    aria-label={`Required: ${p.label}`}
                  />
                  Required
                </label>
              )}
            </li>
          );
        })}
        {custom.map((c) => (
          <li key={c.draftId} className="flex items-center justify-between gap-3 px-3 py-1.5">
            <span className="min-w-0 text-sm">
              <span className="font-medium text-slate-900">{c.label}</span> <Badge tone="info">new</Badge>
              <span className="block text-xs text-slate-600">
                {describe({
                  kind: c.kind,
                  unit: c.unit || null,
                  min: c.min ? Number(c.min) : null,
                  max: c.max ? Number(c.max) : null,
                })}
              </span>
            </span>
            <div className="flex items-center gap-1">
              <label className="flex min-h-11 items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  className="size-4 accent-brand-700"
                  checked={c.required}
                  onChange={(e) =>
                    props.onChange(
                      props.value.map((x) =>
                        'draftId' in x && x.draftId === c.draftId ? { ...c, required: e.target.checked } : x,
                      ),
                    )
                  }
                  aria-label={`Required: ${c.label}`}
                />
                Required
              </label>
              <Button
                variant="ghost"
                size="sm"
                onClick={() => props.onChange(props.value.filter((x) => !('draftId' in x) || x.draftId !== c.draftId))}
                aria-label={`Remove ${c.label}`}
              >
                <Trash2 className="size-4" aria-hidden />
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {props.error && (
        <p className="text-sm text-red-700" role="alert">
          {props.error}
        </p>
      )}
      <NewPromptForm onAdd={(p) => props.onChange([...props.value, p])} />
    </fieldset>
  );
}
