import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { serviceBody } from '../../../contracts/appointments';
import { DialogFormFooter } from '../../components/dialog-form-footer';
import { NameColourDescriptionFields, NumberField } from '../../components/offer-form-parts';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Select } from '../../components/ui/input';
import { useServerFieldErrors } from '../../lib/server-field-errors';
import { useStaff } from '../sessions/people';
import { useSaveService } from './queries';
import type { Service } from './types';

/** The form's schema is the API's own (`serviceBody`), every field asked. */
const serviceForm = serviceBody.required();
type ServiceForm = z.input<typeof serviceForm>;
type ServiceValues = z.output<typeof serviceForm>;

const NEW_SERVICE: ServiceForm = {
  name: '',
  description: '',
  color: '#7c3aed',
  durationMins: 45,
  bufferBeforeMins: 0,
  bufferAfterMins: 15,
  startIntervalMins: 30,
  minNoticeHours: 12,
  bookingHorizonDays: 30,
  lateCancelHoursBefore: 24,
  creditCost: 1,
  selfBookable: true,
  coachIds: [],
};

const toForm = (s?: Service): ServiceForm =>
  s
    ? { ...s, startIntervalMins: s.startIntervalMins as 15 | 30 | 60, coachIds: s.coaches.map((c) => c.id) }
    : NEW_SERVICE;

const NUMBERS = {
  durationMins: ['Length', 'Minutes.'],
  creditCost: ['Credits', '0 = free.'],
  bufferBeforeMins: ['Buffer before', 'Minutes kept free before.'],
  bufferAfterMins: ['Buffer after', 'Minutes kept free after.'],
  minNoticeHours: ['Minimum notice', 'Hours ahead a booking must be made.'],
  bookingHorizonDays: ['Booking horizon', 'Days ahead clients may book.'],
  lateCancelHoursBefore: ['Late-cancel cutoff', 'Hours before; cancelling later keeps the credit.'],
} as const;
const FIELDS = [
  'name',
  'description',
  'color',
  'startIntervalMins',
  'coachIds',
  'selfBookable',
  ...Object.keys(NUMBERS),
] as Array<keyof ServiceForm>;

/** Create or change a 1-on-1 service. */
export function ServiceDialog(props: { service?: Service; onClose: () => void }) {
  const save = useSaveService();
  const staff = useStaff();
  const form = useForm<ServiceForm, unknown, ServiceValues>({
    resolver: zodResolver(serviceForm),
    defaultValues: toForm(props.service),
  });
  const { errors } = form.formState;
  const unplaced = useServerFieldErrors(form, save.error, FIELDS);
  const coachIds = form.watch('coachIds');
  const submit = form.handleSubmit((values) =>
    save.mutate(props.service ? { id: props.service.id, values } : { values }, {
      onSuccess: (saved) => {
        toast.success(props.service ? `${saved.name} saved.` : `${saved.name} created.`);
        props.onClose();
      },
    }),
  );
  const num = (key: keyof typeof NUMBERS) => (
    <NumberField
      label={NUMBERS[key][0]}
      hint={NUMBERS[key][1]}
      error={errors[key]?.message}
      registration={form.register(key, { valueAsNumber: true })}
    />
  );
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title={props.service ? `Edit ${props.service.name}` : 'New 1-on-1 service'}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <NameColourDescriptionFields form={form} nameMaxLength={80} />
        <div className="grid gap-3 sm:grid-cols-3">
          {num('durationMins')}
          {num('creditCost')}
          <Field label="Start times every" error={errors.startIntervalMins?.message}>
            <Select {...form.register('startIntervalMins', { valueAsNumber: true })}>
              <option value={15}>15 minutes</option>
              <option value={30}>30 minutes</option>
              <option value={60}>hour</option>
            </Select>
          </Field>
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          {num('bufferBeforeMins')}
          {num('bufferAfterMins')}
        </div>
        <div className="grid gap-3 sm:grid-cols-3">
          {num('minNoticeHours')}
          {num('bookingHorizonDays')}
          {num('lateCancelHoursBefore')}
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Coaches who offer it</legend>
          <div className="mt-1 grid gap-x-4 sm:grid-cols-2">
            {(staff.data ?? []).map((c) => (
              <label key={c.id} className="flex min-h-11 items-center gap-3 text-sm">
                <input
                  type="checkbox"
                  className="size-5 accent-brand-700"
                  checked={coachIds.includes(c.id)}
                  onChange={(e) =>
                    form.setValue(
                      'coachIds',
                      e.target.checked ? [...coachIds, c.id] : coachIds.filter((id) => id !== c.id),
                      {
                        shouldDirty: true,
                      },
                    )
                  }
                />
                {c.name}
              </label>
            ))}
          </div>
          {errors.coachIds?.message && (
            <p className="text-sm text-red-700" role="alert">
              {errors.coachIds.message}
            </p>
          )}
        </fieldset>
        <label className="flex min-h-11 items-start gap-3 text-sm">
          <input type="checkbox" className="mt-0.5 size-5 accent-brand-700" {...form.register('selfBookable')} />
          <span>
            <span className="font-medium text-slate-900">Clients book it themselves</span>
            <span className="block text-slate-600">Untick for staff-only booking.</span>
          </span>
        </label>
        <DialogFormFooter
          error={save.error}
          unplaced={unplaced}
          saving={save.isPending}
          submitLabel={props.service ? 'Save' : 'Create'}
          onClose={props.onClose}
        />
      </form>
    </Dialog>
  );
}
