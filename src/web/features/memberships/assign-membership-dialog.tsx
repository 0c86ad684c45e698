import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { assignBody } from '../../../contracts/credits';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Input, Select } from '../../components/ui/input';
import { errorMessage } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { formatInZone } from '../../lib/format';
import { useServerFieldErrors } from '../../lib/server-field-errors';
import { useStudio } from '../studio/use-studio';
import { useAssignMembership, usePlans } from './queries';
import { planTerms, priceText } from './text';

/** The contract's body; an unchosen plan is an empty select, said in words. */
const assignForm = assignBody.extend({
  planId: z.string().min(1, 'Choose a plan').pipe(assignBody.shape.planId),
});
type AssignForm = z.input<typeof assignForm>;
const FORM_FIELDS = ['planId', 'startDate', 'paymentReference'] as const;

/** An admin gives a client a plan, with how it was paid (free text until online payment exists). */
export function AssignMembershipDialog(props: {
  userId: string;
  userName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { timezone } = useStudio();
  const plans = usePlans();
  const assign = useAssignMembership(props.userId);
  const offered = plans.data?.filter((p) => p.active) ?? [];
  const form = useForm<AssignForm, unknown, z.output<typeof assignForm>>({
    resolver: zodResolver(assignForm),
    defaultValues: { planId: '', startDate: formatInZone(new Date(), timezone, 'yyyy-MM-dd'), paymentReference: '' },
  });
  const { errors } = form.formState;
  const chosen = offered.find((p) => p.id === form.watch('planId'));
  const unplaced = useServerFieldErrors(form, assign.error, FORM_FIELDS);
  const close = () => {
    props.onOpenChange(false);
    assign.reset();
    form.reset();
  };
  const submit = form.handleSubmit((values) => {
    assign.mutate(
      { ...values, paymentReference: values.paymentReference || undefined },
      {
        onSuccess: (m) => {
          close();
          toast.success(`${props.userName} now has ${m.planName}. Their first credits are ready.`);
        },
      },
    );
  });
  return (
    <Dialog
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title={`Assign a plan to ${props.userName}`}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <Field
          label="Plan"
          error={errors.planId?.message}
          hint={chosen ? `${priceText(chosen)} · ${planTerms(chosen)}` : undefined}
        >
          <Select {...form.register('planId')}>
            <option value="">Choose a plan…</option>
            {offered.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Start date"
          hint="A plan starting mid-week gets the full credits of its first week."
          error={errors.startDate?.message}
        >
          <Input type="date" {...form.register('startDate')} />
        </Field>
        <Field
          label="Payment reference"
          hint="Optional, e.g. “Card at the desk, 4 March”."
          error={errors.paymentReference?.message}
        >
          <Input maxLength={200} {...form.register('paymentReference')} />
        </Field>
        {assign.error && fieldErrorsOf(assign.error).length === 0 && (
          <Alert tone="error">{errorMessage(assign.error)}</Alert>
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
          <Button type="submit" loading={assign.isPending}>
            Assign plan
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
