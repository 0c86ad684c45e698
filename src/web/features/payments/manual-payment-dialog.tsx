import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { manualPaymentBody } from '../../../contracts/payments';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Input, Select } from '../../components/ui/input';
import { errorMessage } from '../../lib/api';
import { formatInZone } from '../../lib/format';
import { useServerFieldErrors } from '../../lib/server-field-errors';
import { useMembers, usePlans } from '../memberships/queries';
import { priceText } from '../memberships/text';
import { useStudio } from '../studio/use-studio';
import { useRecordManualPayment } from './queries';

type ManualForm = z.input<typeof manualPaymentBody>;
const FIELDS = ['userId', 'planId', 'startDate', 'amountMinor', 'method', 'reference'] as const;
const toPence = (value: unknown) => (value === '' ? Number.NaN : Math.round(Number(value) * 100));

/** Cash or a bank transfer taken at the studio: the payment, its receipt, and the plan starting at once. */
export function ManualPaymentDialog(props: { onClose: () => void }) {
  const { timezone } = useStudio();
  const plans = usePlans();
  const [search, setSearch] = useState('');
  const members = useMembers(search, 0);
  const record = useRecordManualPayment();
  const form = useForm<ManualForm, unknown, z.output<typeof manualPaymentBody>>({
    resolver: zodResolver(manualPaymentBody),
    defaultValues: {
      method: 'cash',
      startDate: formatInZone(new Date(), timezone, 'yyyy-MM-dd'),
      userId: '',
      planId: '',
    },
  });
  const unplaced = useServerFieldErrors(form, record.error, FIELDS);
  const { errors } = form.formState;
  const submit = form.handleSubmit((body) =>
    record.mutate(body, {
      onSuccess: (p) => {
        toast.success(`Recorded ${p.receiptNumber} for ${p.userName}. Their plan has started.`);
        props.onClose();
      },
    }),
  );
  return (
    <Dialog open onOpenChange={(open) => !open && props.onClose()} title="Record a payment">
      <form onSubmit={(e) => void submit(e)} className="space-y-4" noValidate>
        <Field label="Find the client" hint="Part of their name or email.">
          <Input value={search} onChange={(e) => setSearch(e.target.value)} maxLength={200} />
        </Field>
        <Field label="Client" error={errors.userId?.message}>
          <Select {...form.register('userId')}>
            <option value="">Choose…</option>
            {members.data?.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({m.email})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Plan" error={errors.planId?.message}>
          <Select {...form.register('planId')}>
            <option value="">Choose…</option>
            {plans.data
              ?.filter((p) => p.active)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} — {priceText(p)}
                </option>
              ))}
          </Select>
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Amount (£)" error={errors.amountMinor?.message}>
            <Input
              type="number"
              inputMode="decimal"
              step="0.01"
              min={0}
              {...form.register('amountMinor', { setValueAs: toPence })}
            />
          </Field>
          <Field label="Paid by" error={errors.method?.message}>
            <Select {...form.register('method')}>
              <option value="cash">Cash</option>
              <option value="bank_transfer">Bank transfer</option>
            </Select>
          </Field>
        </div>
        <Field label="Plan starts on" error={errors.startDate?.message}>
          <Input type="date" {...form.register('startDate')} />
        </Field>
        <Field label="Reference (optional)" hint="e.g. the bank transfer's reference" error={errors.reference?.message}>
          <Input maxLength={200} {...form.register('reference')} />
        </Field>
        {unplaced.length > 0 && <Alert tone="error">{unplaced.map((u) => u.message).join(' ')}</Alert>}
        {record.error && unplaced.length === 0 && Object.keys(errors).length === 0 && (
          <Alert tone="error">{errorMessage(record.error)}</Alert>
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={props.onClose}>
            Close
          </Button>
          <Button type="submit" loading={record.isPending}>
            Record payment
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
