import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type UseFormRegisterReturn } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { PLAN_TYPES } from '../../../domain/credits/plan-types';
import { planBody } from '../../../contracts/credits';
import { DialogFormFooter } from '../../components/dialog-form-footer';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Input, Select, Textarea } from '../../components/ui/input';
import { useServerFieldErrors } from '../../lib/server-field-errors';
import { useStudio } from '../studio/use-studio';
import { PlanCoverageFields } from './plan-coverage-fields';
import { useSavePlan } from './queries';
import { PLAN_TYPE_LABELS } from './text';
import type { Plan, PlanInput, PlanType } from './types';

/** The numbers each type asks for (the others are hidden and not sent); `true` = required. */
const NUMBERS_BY_TYPE = {
  RECURRING: { creditsPerWeek: true, commitmentMonths: false },
  PREPAID: { creditsPerWeek: true, length: true },
  PACK: { totalCredits: true, expiryDays: false },
} as const satisfies Record<PlanType, Partial<Record<PlanNumber, boolean>>>;
type PlanNumber = 'creditsPerWeek' | 'commitmentMonths' | 'totalCredits' | 'expiryDays' | 'length';

/** The API's rule for each number (a prepaid plan's length is checked in days, as the API stores it). */
const numberRule = (key: PlanNumber) => planBody.shape[key === 'length' ? 'durationDays' : key].unwrap().unwrap();
const WEEKS_MAX = Math.floor(3650 / 7);

/**
 * The form's schema is the API's own (`planBody` of src/contracts): the shared fields as they are,
 * the features as lines of text, a prepaid plan's length in weeks or days, and the numbers checked
 * only for the chosen type, since the others are hidden.
 */
const nullableNumber = z.number().nullable();
const planForm = planBody
  .pick({
    name: true,
    type: true,
    description: true,
    classTypeIds: true,
    coversAllClassTypes: true,
    appointmentServiceIds: true,
  })
  .extend({
    // An empty price input is null, so the API's rule answers "Fill this in".
    price: z.number().nullable().pipe(planBody.shape.price),
    features: z.string().superRefine((value, ctx) => {
      const lines = featureLines(value);
      const problem = planBody.shape.features.safeParse(lines).error?.issues[0];
      if (!problem) return;
      const line = typeof problem.path[0] === 'number' ? `Line ${problem.path[0] + 1}: ` : '';
      ctx.addIssue({ code: 'custom', message: `${line}${problem.message}` });
    }),
    purchasableByClient: z.boolean(),
    allowRepeatPurchase: z.boolean(),
    creditsPerWeek: nullableNumber,
    commitmentMonths: nullableNumber,
    totalCredits: nullableNumber,
    expiryDays: nullableNumber,
    length: nullableNumber,
    lengthUnit: z.enum(['weeks', 'days']),
  })
  .superRefine(
    (values, ctx) => {
      for (const [key, required] of Object.entries(NUMBERS_BY_TYPE[values.type]) as Array<[PlanNumber, boolean]>) {
        const value = values[key];
        if (value === null && !required) continue;
        const inDays = key === 'length' && values.lengthUnit === 'weeks' && value !== null ? value * 7 : value;
        const problem = numberRule(key).safeParse(inDays).error?.issues[0];
        if (!problem) continue;
        const message =
          problem.code === 'too_big' && key === 'length' && values.lengthUnit === 'weeks'
            ? `Use at most ${WEEKS_MAX} weeks`
            : problem.message;
        ctx.addIssue({ code: 'custom', path: [key], message });
      }
    },
    {
      // Also while another field is wrong, so every problem shows at once. Safe: it reads only the
      // type and unit (from selects) and the numbers (a number input gives a number or null).
      when: (payload) => typeof payload.value === 'object' && payload.value !== null,
    },
  );
type PlanForm = z.input<typeof planForm>;
type PlanFormValues = z.output<typeof planForm>;

const featureLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function toForm(p?: Plan): PlanForm {
  const weeks = !!p?.durationDays && p.durationDays % 7 === 0;
  return {
    type: p?.type ?? 'RECURRING',
    name: p?.name ?? '',
    description: p?.description ?? '',
    features: p?.features.join('\n') ?? '',
    price: p?.price ?? null,
    creditsPerWeek: p ? p.creditsPerWeek : 5,
    commitmentMonths: p?.commitmentMonths ?? null,
    length: p?.durationDays ? (weeks ? p.durationDays / 7 : p.durationDays) : 6,
    lengthUnit: p?.durationDays && !weeks ? 'days' : 'weeks',
    totalCredits: p ? p.totalCredits : 10,
    expiryDays: p?.expiryDays ?? null,
    purchasableByClient: p?.purchasableByClient ?? true,
    allowRepeatPurchase: p?.allowRepeatPurchase ?? true,
    classTypeIds: p?.classTypes.map((c) => c.id) ?? [],
    // Older answers have no flag: no class type listed meant every class type.
    coversAllClassTypes: p ? (p.coversAllClassTypes ?? p.classTypes.length === 0) : true,
    // Absent while appointments are off: left undefined, so saving does not clear what it covers.
    appointmentServiceIds: p ? p.appointmentServices?.map((s) => s.id) : [],
  };
}

/** The API body: only the numbers of the plan's type, the length in days. */
function toInput(values: PlanFormValues): PlanInput {
  const { features, length, lengthUnit, ...rest } = values;
  const asked: Partial<Record<PlanNumber, boolean>> = NUMBERS_BY_TYPE[values.type];
  const ifAsked = (key: PlanNumber) => (key in asked ? values[key] : null);
  return {
    ...rest,
    features: featureLines(features),
    creditsPerWeek: ifAsked('creditsPerWeek'),
    commitmentMonths: ifAsked('commitmentMonths'),
    totalCredits: ifAsked('totalCredits'),
    expiryDays: ifAsked('expiryDays'),
    durationDays: 'length' in asked && length !== null ? (lengthUnit === 'weeks' ? length * 7 : length) : null,
  };
}

/** A number input's value for the form: empty is "not given" (null), not zero. */
const asNumber = (value: unknown) => (value === '' || value === null || value === undefined ? null : Number(value));

const FORM_FIELDS = [
  'name',
  'type',
  'description',
  'features',
  'price',
  'classTypeIds',
  'appointmentServiceIds',
  'creditsPerWeek',
  'commitmentMonths',
  'totalCredits',
  'expiryDays',
  'length',
] as const satisfies ReadonlyArray<keyof PlanForm>;

const PRICE_LABELS: Record<PlanType, string> = {
  RECURRING: 'Price per month',
  PREPAID: 'Price, all-in',
  PACK: 'Price',
};

const TYPE_HINTS: Record<PlanType, string> = {
  RECURRING: ' (weekly credits, paid monthly)',
  PREPAID: ' (fixed length, weekly credits, one price)',
  PACK: ' (a number of classes)',
};

function Check(props: { label: string; hint: string; input: UseFormRegisterReturn }) {
  return (
    <label className="flex min-h-11 cursor-pointer items-start gap-3 text-sm">
      <input type="checkbox" className="mt-0.5 size-5 accent-brand-700" {...props.input} />
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
  const save = useSavePlan();
  const form = useForm<PlanForm, unknown, PlanFormValues>({
    resolver: zodResolver(planForm),
    defaultValues: toForm(props.plan),
  });
  const { errors } = form.formState;
  const unplaced = useServerFieldErrors(form, save.error, FORM_FIELDS, { durationDays: 'length' });
  const close = () => {
    props.onOpenChange(false);
    save.reset();
  };

  const submit = form.handleSubmit((values) => {
    const input = toInput(values);
    save.mutate(props.plan ? { id: props.plan.id, values: { ...input, type: undefined } } : { values: input }, {
      onSuccess: (saved) => {
        close();
        toast.success(
          props.plan ? `${saved.name} saved. New credits follow the new settings.` : `${saved.name} created.`,
        );
      },
    });
  });

  const number = (key: PlanNumber, label: string, hint?: string) => (
    <Field label={label} hint={hint} error={errors[key]?.message}>
      <Input type="number" inputMode="numeric" min={1} {...form.register(key, { setValueAs: asNumber })} />
    </Field>
  );
  const type = form.watch('type');
  const classTypeIds = form.watch('classTypeIds') ?? [];
  const coversAllClassTypes = form.watch('coversAllClassTypes') ?? true;
  const appointmentServiceIds = form.watch('appointmentServiceIds') ?? [];

  return (
    <Dialog
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title={props.plan ? `Edit ${props.plan.name}` : 'New plan'}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <Field label="Type" hint={props.plan ? 'A plan’s type cannot change. Create a new plan instead.' : undefined}>
          {/* Editing shows the type without registering it: a disabled input would leave the form's value empty. */}
          {props.plan ? (
            <Select value={props.plan.type} disabled>
              <option value={props.plan.type}>{PLAN_TYPE_LABELS[props.plan.type]}</option>
            </Select>
          ) : (
            <Select {...form.register('type')}>
              {PLAN_TYPES.map((t) => (
                <option key={t} value={t}>
                  {PLAN_TYPE_LABELS[t]}
                  {TYPE_HINTS[t]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Name" error={errors.name?.message}>
          <Input maxLength={80} {...form.register('name')} />
        </Field>
        <Field label="Description" hint="Shown to clients on the plans page." error={errors.description?.message}>
          <Textarea maxLength={2000} {...form.register('description')} />
        </Field>
        <Field
          label="What’s included"
          hint="One per line, e.g. “HR monitor included”."
          error={errors.features?.message}
        >
          <Textarea {...form.register('features')} />
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={`${PRICE_LABELS[type]} (${currency})`} error={errors.price?.message}>
            <Input
              type="number"
              inputMode="decimal"
              min={0}
              step="0.01"
              {...form.register('price', { setValueAs: asNumber })}
            />
          </Field>
          {type !== 'PACK' &&
            number('creditsPerWeek', 'Classes a week', 'Credits granted each week (Mon–Sun). They do not roll over.')}
          {type === 'RECURRING' && number('commitmentMonths', 'Commitment (months)', 'Optional.')}
          {type === 'PACK' &&
            number(
              'totalCredits',
              'Credits in the pack',
              'One credit books a class, or a 1-on-1 the pack covers (a service may cost more).',
            )}
          {type === 'PACK' && number('expiryDays', 'Expires after (days)', 'Leave empty for no expiry.')}
        </div>
        {type === 'PREPAID' && (
          <div className="grid grid-cols-[1fr_auto] gap-3">
            {number('length', 'Length', 'From the start date.')}
            <Field label="Unit">
              <Select {...form.register('lengthUnit')}>
                <option value="weeks">weeks</option>
                <option value="days">days</option>
              </Select>
            </Field>
          </div>
        )}
        <PlanCoverageFields
          value={{ coversAllClassTypes, classTypeIds, appointmentServiceIds }}
          onChange={(v) => {
            for (const key of ['coversAllClassTypes', 'classTypeIds', 'appointmentServiceIds'] as const)
              form.setValue(key, v[key], { shouldDirty: true });
          }}
          error={errors.classTypeIds?.message ?? errors.appointmentServiceIds?.message}
        />
        <Check
          label="Clients can see it"
          hint="Listed on the clients’ plans page. Otherwise only admins can assign it."
          input={form.register('purchasableByClient')}
        />
        <Check
          label="Can be taken again"
          hint="Untick for one-off offers such as a first-timer challenge."
          input={form.register('allowRepeatPurchase')}
        />
        <DialogFormFooter
          error={save.error}
          unplaced={unplaced}
          saving={save.isPending}
          submitLabel={props.plan ? 'Save' : 'Create plan'}
          onClose={close}
        />
      </form>
    </Dialog>
  );
}
