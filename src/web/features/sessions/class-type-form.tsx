import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Input, Select, Textarea } from '../../components/ui/input';
import { errorMessage } from '../../lib/api';
import { useSaveClassType } from './queries';
import type { ClassType, ClassTypeInput } from './types';

type WaitlistMode = 'UNLIMITED' | 'NONE' | 'LIMITED';

// A new class type starts from TeamUp's usual settings (the API's own defaults).
const NEW_TYPE = {
  name: '',
  description: '',
  color: '#0f766e',
  defaultCapacity: '10',
  defaultDurationMins: '45',
  creditCost: '1',
  bookingOpensHoursBefore: '336',
  bookingClosesMinutesBefore: '0',
  lateCancelHoursBefore: '2',
  waitlistLimit: '10',
};

function toForm(t?: ClassType) {
  if (!t) return { ...NEW_TYPE, waitlistMode: 'UNLIMITED' as WaitlistMode };
  return {
    name: t.name,
    description: t.description,
    color: t.color,
    defaultCapacity: String(t.defaultCapacity),
    defaultDurationMins: String(t.defaultDurationMins),
    creditCost: String(t.creditCost),
    bookingOpensHoursBefore: String(t.bookingOpensHoursBefore),
    bookingClosesMinutesBefore: String(t.bookingClosesMinutesBefore),
    lateCancelHoursBefore: String(t.lateCancelHoursBefore),
    waitlistLimit: t.waitlistLimit === null || t.waitlistLimit === 0 ? '10' : String(t.waitlistLimit),
    waitlistMode: t.waitlistLimit === null ? 'UNLIMITED' : t.waitlistLimit === 0 ? 'NONE' : 'LIMITED',
  };
}

const NUMBER_FIELDS = {
  defaultCapacity: 'Places',
  defaultDurationMins: 'Length',
  creditCost: 'Credits per booking',
  bookingOpensHoursBefore: 'Booking opens',
  bookingClosesMinutesBefore: 'Booking closes',
  lateCancelHoursBefore: 'Late cancel cutoff',
} as const;

const days = (hours: string) =>
  Number(hours) % 24 === 0 && Number(hours) >= 24 ? ` (${Number(hours) / 24} days)` : '';

/** Create or change a class type; changes apply to classes scheduled from then on. */
export function ClassTypeDialog(props: {
  classType?: ClassType;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const save = useSaveClassType();
  const [form, setForm] = useState(() => toForm(props.classType));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  const close = () => {
    props.onOpenChange(false);
    save.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!form.name.trim()) errors.name = 'Give the class type a name.';
    const values: Partial<ClassTypeInput> = {
      name: form.name.trim(),
      description: form.description,
      color: form.color,
    };
    for (const [key, label] of Object.entries(NUMBER_FIELDS) as Array<[keyof typeof NUMBER_FIELDS, string]>) {
      const n = Number(form[key]);
      if (form[key].trim() === '' || !Number.isInteger(n) || n < 0) errors[key] = `${label}: enter a whole number.`;
      else values[key] = n;
    }
    const limit = Number(form.waitlistLimit);
    if (form.waitlistMode === 'LIMITED' && (!Number.isInteger(limit) || limit < 1))
      errors.waitlistLimit = 'Enter how many people may wait (at least 1).';
    values.waitlistLimit = form.waitlistMode === 'UNLIMITED' ? null : form.waitlistMode === 'NONE' ? 0 : limit;
    setFieldErrors(errors);
    if (Object.keys(errors).length) return;
    save.mutate(
      { id: props.classType?.id, values },
      {
        onSuccess: (saved) => {
          close();
          toast.success(
            props.classType
              ? `${saved.name} saved. Classes scheduled from now on use the new settings.`
              : `${saved.name} created.`,
          );
        },
      },
    );
  };

  const num = (key: keyof typeof NUMBER_FIELDS, hint: string) => (
    <Field label={NUMBER_FIELDS[key]} hint={hint} error={fieldErrors[key]}>
      <Input type="number" inputMode="numeric" min={0} value={form[key]} onChange={set(key)} />
    </Field>
  );
  return (
    <Dialog
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title={props.classType ? `Edit ${props.classType.name}` : 'New class type'}
      description="Defaults for new classes of this type. Classes already scheduled keep their own settings."
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <div className="grid grid-cols-[1fr_auto] gap-3">
          <Field label="Name" error={fieldErrors.name}>
            <Input value={form.name} maxLength={60} onChange={set('name')} />
          </Field>
          <Field label="Colour">
            <Input type="color" className="w-16 px-1" value={form.color} onChange={set('color')} />
          </Field>
        </div>
        <Field label="Description" hint="Shown to clients.">
          <Textarea value={form.description} maxLength={2000} onChange={set('description')} />
        </Field>
        <div className="grid gap-3 sm:grid-cols-3">
          {num('defaultCapacity', 'Per class.')}
          {num('defaultDurationMins', 'Minutes.')}
          {num('creditCost', '0 = free.')}
        </div>
        <div className="grid gap-3 sm:grid-cols-3">
          {num('bookingOpensHoursBefore', `Hours before the start${days(form.bookingOpensHoursBefore)}.`)}
          {num('bookingClosesMinutesBefore', 'Minutes before the start (0 = at the start).')}
          {num('lateCancelHoursBefore', 'Hours before the start; cancelling later keeps the credit.')}
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Waitlist">
            <Select value={form.waitlistMode} onChange={set('waitlistMode')}>
              <option value="UNLIMITED">Unlimited</option>
              <option value="LIMITED">Limited</option>
              <option value="NONE">No waitlist</option>
            </Select>
          </Field>
          {form.waitlistMode === 'LIMITED' && (
            <Field label="People who may wait" error={fieldErrors.waitlistLimit}>
              <Input
                type="number"
                inputMode="numeric"
                min={1}
                value={form.waitlistLimit}
                onChange={set('waitlistLimit')}
              />
            </Field>
          )}
        </div>
        {save.error && <Alert tone="error">{errorMessage(save.error)}</Alert>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={close}>
            Close
          </Button>
          <Button type="submit" loading={save.isPending}>
            {props.classType ? 'Save' : 'Create'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
