import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { classTypeBody } from '../../../contracts/sessions';
import { DialogFormFooter } from '../../components/dialog-form-footer';
import { NameColourDescriptionFields, NumberField } from '../../components/offer-form-parts';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Select } from '../../components/ui/input';
import { useServerFieldErrors } from '../../lib/server-field-errors';
import { useSaveClassType } from './queries';
import type { ClassType, ClassTypeInput } from './types';

const WAITLIST_MODES = ['UNLIMITED', 'NONE', 'LIMITED'] as const;

/**
 * The form's schema is the API's own (`classTypeBody` of src/contracts), with the waitlist asked as
 * a mode plus a number the way a person thinks of it.
 */
const waitlistCount = z.number().int().min(1).max(500);
const classTypeForm = classTypeBody
  .required({ description: true, color: true })
  .omit({ waitlistLimit: true })
  .extend({ waitlistMode: z.enum(WAITLIST_MODES), waitlistLimit: z.unknown() })
  .superRefine((values, ctx) => {
    // Only a limited waitlist asks for a number; the field is hidden otherwise.
    if (values.waitlistMode === 'LIMITED' && !waitlistCount.safeParse(values.waitlistLimit).success)
      ctx.addIssue({
        code: 'custom',
        path: ['waitlistLimit'],
        message: 'Enter how many people may wait, from 1 to 500',
      });
  });
type ClassTypeForm = z.input<typeof classTypeForm>;
type ClassTypeFormValues = z.output<typeof classTypeForm>;

// A new class type starts from TeamUp's usual settings (the API's own defaults).
const NEW_TYPE: ClassTypeForm = {
  name: '',
  description: '',
  color: '#0f766e',
  defaultCapacity: 10,
  defaultDurationMins: 45,
  creditCost: 1,
  bookingOpensHoursBefore: 336,
  bookingClosesMinutesBefore: 0,
  lateCancelHoursBefore: 2,
  waitlistMode: 'UNLIMITED',
  waitlistLimit: 10,
};

function toForm(t?: ClassType): ClassTypeForm {
  if (!t) return NEW_TYPE;
  return {
    name: t.name,
    description: t.description,
    color: t.color,
    defaultCapacity: t.defaultCapacity,
    defaultDurationMins: t.defaultDurationMins,
    creditCost: t.creditCost,
    bookingOpensHoursBefore: t.bookingOpensHoursBefore,
    bookingClosesMinutesBefore: t.bookingClosesMinutesBefore,
    lateCancelHoursBefore: t.lateCancelHoursBefore,
    waitlistLimit: t.waitlistLimit === null || t.waitlistLimit === 0 ? 10 : t.waitlistLimit,
    waitlistMode: t.waitlistLimit === null ? 'UNLIMITED' : t.waitlistLimit === 0 ? 'NONE' : 'LIMITED',
  };
}

/** The API body for what the form holds. */
function toInput(values: ClassTypeFormValues): ClassTypeInput {
  const { waitlistMode, waitlistLimit, ...rest } = values;
  const limit = waitlistMode === 'UNLIMITED' ? null : waitlistMode === 'NONE' ? 0 : (waitlistLimit as number);
  return { ...rest, waitlistLimit: limit };
}

const NUMBER_FIELDS = {
  defaultCapacity: 'Places',
  defaultDurationMins: 'Length',
  creditCost: 'Credits per booking',
  bookingOpensHoursBefore: 'Booking opens',
  bookingClosesMinutesBefore: 'Booking closes',
  lateCancelHoursBefore: 'Late cancel cutoff',
} as const;
const FORM_FIELDS = ['name', 'description', 'color', 'waitlistLimit', ...Object.keys(NUMBER_FIELDS)] as Array<
  keyof ClassTypeForm
>;

const days = (hours: unknown) =>
  Number(hours) % 24 === 0 && Number(hours) >= 24 ? ` (${Number(hours) / 24} days)` : '';

/** Create or change a class type; changes apply to classes scheduled from then on. */
export function ClassTypeDialog(props: {
  classType?: ClassType;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const save = useSaveClassType();
  const form = useForm<ClassTypeForm, unknown, ClassTypeFormValues>({
    resolver: zodResolver(classTypeForm),
    defaultValues: toForm(props.classType),
  });
  const { errors } = form.formState;
  const unplaced = useServerFieldErrors(form, save.error, FORM_FIELDS);
  const close = () => {
    props.onOpenChange(false);
    save.reset();
  };

  const submit = form.handleSubmit((values) => {
    const input = toInput(values);
    save.mutate(props.classType ? { id: props.classType.id, values: input } : { values: input }, {
      onSuccess: (saved) => {
        close();
        toast.success(
          props.classType
            ? `${saved.name} saved. Classes scheduled from now on use the new settings.`
            : `${saved.name} created.`,
        );
      },
    });
  });

  const num = (key: keyof typeof NUMBER_FIELDS, hint: string) => (
    <NumberField
      label={NUMBER_FIELDS[key]}
      hint={hint}
      error={errors[key]?.message}
      registration={form.register(key, { valueAsNumber: true })}
    />
  );
  const waitlistMode = form.watch('waitlistMode');
  return (
    <Dialog
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title={props.classType ? `Edit ${props.classType.name}` : 'New class type'}
      description="Defaults for new classes of this type. Classes already scheduled keep their own settings."
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <NameColourDescriptionFields form={form} nameMaxLength={60} />
        <div className="grid gap-3 sm:grid-cols-3">
          {num('defaultCapacity', 'Per class.')}
          {num('defaultDurationMins', 'Minutes.')}
          {num('creditCost', '0 = free.')}
        </div>
        <div className="grid gap-3 sm:grid-cols-3">
          {num('bookingOpensHoursBefore', `Hours before the start${days(form.watch('bookingOpensHoursBefore'))}.`)}
          {num('bookingClosesMinutesBefore', 'Minutes before the start (0 = at the start).')}
          {num('lateCancelHoursBefore', 'Hours before the start; cancelling later keeps the credit.')}
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Waitlist">
            <Select {...form.register('waitlistMode')}>
              <option value="UNLIMITED">Unlimited</option>
              <option value="LIMITED">Limited</option>
              <option value="NONE">No waitlist</option>
            </Select>
          </Field>
          {waitlistMode === 'LIMITED' && (
            <NumberField
              label="People who may wait"
              min={1}
              error={errors.waitlistLimit?.message}
              registration={form.register('waitlistLimit', { valueAsNumber: true })}
            />
          )}
        </div>
        <DialogFormFooter
          error={save.error}
          unplaced={unplaced}
          saving={save.isPending}
          submitLabel={props.classType ? 'Save' : 'Create'}
          onClose={close}
        />
      </form>
    </Dialog>
  );
}
