import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Input, Select, Textarea } from '../../components/ui/input';
import { errorMessage } from '../../lib/api';
import { useClassTypes } from '../sessions/queries';
import { useFeatureEnabled, useStudio } from '../studio/use-studio';
import { serverFieldError } from '../../lib/field-errors';
import { useSavePlan } from './queries';
import { PLAN_TYPE_LABELS } from './text';
import type { Plan, PlanInput, PlanType } from './types';

function toForm(p?: Plan) {
  const weeks = p?.durationDays && p.durationDays % 7 === 0;
  return {
    type: p?.type ?? 'RECURRING',
    name: p?.name ?? '',
    description: p?.description ?? '',
    features: p?.features.join('\n') ?? '',
    price: p ? String(p.price) : '',
    creditsPerWeek: p?.creditsPerWeek ? String(p.creditsPerWeek) : '5',
    commitmentMonths: p?.commitmentMonths ? String(p.commitmentMonths) : '',
    length: p?.durationDays ? String(weeks ? p.durationDays / 7 : p.durationDays) : '6',
    lengthUnit: p?.durationDays && !weeks ? 'days' : 'weeks',
    totalCredits: p?.totalCredits ? String(p.totalCredits) : '10',
    expiryDays: p?.expiryDays ? String(p.expiryDays) : '',
    purchasableByClient: p?.purchasableByClient ?? true,
    allowRepeatPurchase: p?.allowRepeatPurchase ?? true,
    classTypeIds: p?.classTypes.map((c) => c.id) ?? [],
  };
}
type Form = ReturnType<typeof toForm>;

const PRICE_LABELS: Record<PlanType, string> = {
  RECURRING: 'Price per month',
  PREPAID: 'Price, all-in',
  PACK: 'Price',
};

/** Checks the form and turns it into the API body; errors are keyed by the API's field names. */
function toInput(form: Form): { values: PlanInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const whole = (key: string, text: string, label: string, optional = false): number | null => {
    if (optional && text.trim() === '') return null;
    const n = Number(text);
    if (text.trim() === '' || !Number.isInteger(n) || n < 1)
      errors[key] = `${label}: enter a whole number of at least 1.`;
    return n;
  };
  if (!form.name.trim()) errors.name = 'Give the plan a name.';
  const price = Number(form.price);
  if (form.price.trim() === '' || !Number.isFinite(price) || price < 0) errors.price = 'Enter a price (0 or more).';
  const isWeekly = form.type !== 'PACK';
  const length = form.type === 'PREPAID' ? whole('durationDays', form.length, 'Length') : null;
  const values: PlanInput = {
    name: form.name.trim(),
    type: form.type,
    description: form.description.trim(),
    features: form.features
      .split('\n')
      .map((f) => f.trim())
      .filter(Boolean),
    price,
    creditsPerWeek: isWeekly ? whole('creditsPerWeek', form.creditsPerWeek, 'Classes a week') : null,
    commitmentMonths:
      form.type === 'RECURRING' ? whole('commitmentMonths', form.commitmentMonths, 'Commitment', true) : null,
    durationDays: length === null ? null : form.lengthUnit === 'weeks' ? length * 7 : length,
    totalCredits: form.type === 'PACK' ? whole('totalCredits', form.totalCredits, 'Classes in the pack') : null,
    expiryDays: form.type === 'PACK' ? whole('expiryDays', form.expiryDays, 'Expiry', true) : null,
    purchasableByClient: form.purchasableByClient,
    allowRepeatPurchase: form.allowRepeatPurchase,
    classTypeIds: form.classTypeIds,
  };
  return { values, errors };
}

function Check(props: { label: string; hint: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="flex min-h-11 cursor-pointer items-start gap-3 text-sm">
      <input
        type="checkbox"
        className="mt-0.5 size-5 accent-brand-700"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <span>
        <span className="font-medium text-slate-900">{props.label}</span>
        <span className="block text-slate-600">{props.hint}</span>
      </span>
    </label>
  );
}

/** Create or edit a plan. Only the fields of the chosen type are shown; the type is fixed once created. */
export function PlanDialog(props: { plan?: Plan; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { currency } = useStudio();
  const sessionsOn = useFeatureEnabled('sessions');
  const classTypes = useClassTypes(false);
  const save = useSavePlan();
  const [form, setForm] = useState(() => toForm(props.plan));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: keyof Form) => (e: { target: { value: string } }) => set(key, e.target.value as never);
  const close = () => {
    props.onOpenChange(false);
    save.reset();
  };
  const server = serverFieldError(save.error);
  const errorFor = (key: string) => errors[key] ?? (server?.field === key ? server.message : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { values, errors: found } = toInput(form);
    setErrors(found);
    if (Object.keys(found).length) return;
    save.mutate(props.plan ? { id: props.plan.id, values: { ...values, type: undefined } } : { values }, {
      onSuccess: (saved) => {
        close();
        toast.success(
          props.plan ? `${saved.name} saved. New credits follow the new settings.` : `${saved.name} created.`,
        );
      },
    });
  };

  const number = (key: keyof Form, label: string, hint?: string, apiField = key as string) => (
    <Field label={label} hint={hint} error={errorFor(apiField)}>
      <Input type="number" inputMode="numeric" min={1} value={form[key] as string} onChange={text(key)} />
    </Field>
  );

  return (
    <Dialog
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title={props.plan ? `Edit ${props.plan.name}` : 'New plan'}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <Field label="Type" hint={props.plan ? 'A plan’s type cannot change. Create a new plan instead.' : undefined}>
          <Select value={form.type} disabled={!!props.plan} onChange={text('type')}>
            {(Object.keys(PLAN_TYPE_LABELS) as PlanType[]).map((t) => (
              <option key={t} value={t}>
                {PLAN_TYPE_LABELS[t]}
                {t === 'RECURRING'
                  ? ' (weekly credits, paid monthly)'
                  : t === 'PREPAID'
                    ? ' (fixed length, weekly credits, one price)'
                    : ' (a number of classes)'}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Name" error={errorFor('name')}>
          <Input value={form.name} maxLength={80} onChange={text('name')} />
        </Field>
        <Field label="Description" hint="Shown to clients on the plans page.">
          <Textarea value={form.description} maxLength={2000} onChange={text('description')} />
        </Field>
        <Field label="What’s included" hint="One per line, e.g. “HR monitor included”.">
          <Textarea value={form.features} onChange={text('features')} />
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={`${PRICE_LABELS[form.type]} (${currency})`} error={errorFor('price')}>
            <Input type="number" inputMode="decimal" min={0} step="0.01" value={form.price} onChange={text('price')} />
          </Field>
          {form.type !== 'PACK' &&
            number('creditsPerWeek', 'Classes a week', 'Credits granted each week (Mon–Sun). They do not roll over.')}
          {form.type === 'RECURRING' && number('commitmentMonths', 'Commitment (months)', 'Optional.')}
          {form.type === 'PACK' && number('totalCredits', 'Classes in the pack')}
          {form.type === 'PACK' && number('expiryDays', 'Expires after (days)', 'Leave empty for no expiry.')}
        </div>
        {form.type === 'PREPAID' && (
          <div className="grid grid-cols-[1fr_auto] gap-3">
            {number('length', 'Length', 'From the start date.', 'durationDays')}
            <Field label="Unit">
              <Select value={form.lengthUnit} onChange={text('lengthUnit')}>
                <option value="weeks">weeks</option>
                <option value="days">days</option>
              </Select>
            </Field>
          </div>
        )}
        {sessionsOn && classTypes.data && classTypes.data.length > 0 && (
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Class types it pays for</legend>
            <p className="text-sm text-slate-600">Tick none for every class type.</p>
            <div className="mt-1 grid gap-x-4 sm:grid-cols-2">
              {classTypes.data.map((c) => (
                <label key={c.id} className="flex min-h-11 items-center gap-3 text-sm">
                  <input
                    type="checkbox"
                    className="size-5 accent-brand-700"
                    checked={form.classTypeIds.includes(c.id)}
                    onChange={(e) =>
                      set(
                        'classTypeIds',
                        e.target.checked ? [...form.classTypeIds, c.id] : form.classTypeIds.filter((id) => id !== c.id),
                      )
                    }
                  />
                  {c.name}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <Check
          label="Clients can see it"
          hint="Listed on the clients’ plans page. Otherwise only admins can assign it."
          checked={form.purchasableByClient}
          onChange={(v) => set('purchasableByClient', v)}
        />
        <Check
          label="Can be taken again"
          hint="Untick for one-off offers such as a first-timer challenge."
          checked={form.allowRepeatPurchase}
          onChange={(v) => set('allowRepeatPurchase', v)}
        />
        {save.error && !server && <Alert tone="error">{errorMessage(save.error)}</Alert>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={close}>
            Close
          </Button>
          <Button type="submit" loading={save.isPending}>
            {props.plan ? 'Save' : 'Create plan'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
