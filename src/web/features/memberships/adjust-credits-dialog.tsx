import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { adjustBody } from '../../../contracts/credits';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Input, Select } from '../../components/ui/input';
import { errorMessage } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { useServerFieldErrors } from '../../lib/server-field-errors';
import { useAdjustCredits } from './queries';
import { credits } from './text';

/** The contract's adjustment, asked as a direction and a positive number ("Remove 2" is −2). */
const adjustForm = adjustBody.pick({ reason: true }).extend({
  direction: z.enum(['add', 'remove']),
  amount: z.number({ error: 'Enter a whole number of credits (at least 1)' }).int().min(1).max(1000),
  validUntil: z.union([z.literal(''), adjustBody.shape.validUntil.unwrap()]),
});
type AdjustForm = z.input<typeof adjustForm>;
const FORM_FIELDS = ['amount', 'reason', 'validUntil'] as const;
const asNumber = (value: unknown) =>
  value === '' || value === null || value === undefined ? undefined : Number(value);

/** Add credits (optionally expiring) or remove some, always with a reason. The server refuses going below zero. */
export function AdjustCreditsDialog(props: {
  userId: string;
  userName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const adjust = useAdjustCredits(props.userId);
  const form = useForm<AdjustForm, unknown, z.output<typeof adjustForm>>({
    resolver: zodResolver(adjustForm),
    defaultValues: { direction: 'add', amount: 1, reason: '', validUntil: '' },
  });
  const { errors } = form.formState;
  const direction = form.watch('direction');
  const unplaced = useServerFieldErrors(form, adjust.error, FORM_FIELDS);
  const close = () => {
    props.onOpenChange(false);
    adjust.reset();
    form.reset();
  };
  const submit = form.handleSubmit((values) => {
    const adding = values.direction === 'add';
    adjust.mutate(
      {
        amount: adding ? values.amount : -values.amount,
        reason: values.reason,
        validUntil: adding && values.validUntil ? values.validUntil : undefined,
      },
      {
        onSuccess: (r) => {
          close();
          toast.success(
            `${adding ? 'Added' : 'Removed'} ${credits(values.amount)}. ${props.userName} now has ${credits(r.balance)}.`,
          );
        },
      },
    );
  });
  return (
    <Dialog
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title={`Adjust ${props.userName}’s credits`}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Change">
            <Select {...form.register('direction')}>
              <option value="add">Add credits</option>
              <option value="remove">Remove credits</option>
            </Select>
          </Field>
          <Field label="How many" error={errors.amount?.message}>
            <Input type="number" inputMode="numeric" min={1} {...form.register('amount', { setValueAs: asNumber })} />
          </Field>
        </div>
        <Field label="Reason" hint="The client sees this in their credit history." error={errors.reason?.message}>
          <Input maxLength={200} {...form.register('reason')} />
        </Field>
        {direction === 'add' && (
          <Field
            label="Expires after (optional)"
            hint="The last day the credits can be used. Leave empty for no expiry."
            error={errors.validUntil?.message}
          >
            <Input type="date" {...form.register('validUntil')} />
          </Field>
        )}
        {direction === 'remove' && (
          <p className="text-sm text-slate-600">
            Credits are taken from those that expire first. A balance can never go below zero.
          </p>
        )}
        {adjust.error && fieldErrorsOf(adjust.error).length === 0 && (
          <Alert tone="error">{errorMessage(adjust.error)}</Alert>
        )}
        {unplaced.map((problem) => (
          <Alert key={problem.path} tone="error">
            {problem.message}
          </Alert>
        ))}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={close}>
            Close
          </Button>
          <Button type="submit" loading={adjust.isPending} variant={direction === 'remove' ? 'danger' : 'primary'}>
            {direction === 'add' ? 'Add credits' : 'Remove credits'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
