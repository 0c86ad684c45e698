import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { refundBody } from '../../../contracts/payments';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { errorMessage } from '../../lib/api';
import { useServerFieldErrors } from '../../lib/server-field-errors';
import { useRefund, type Payment } from './queries';
import { money } from './text';

type RefundForm = z.input<typeof refundBody>;
const FIELDS = ['amountMinor', 'reason'] as const;
/** The form asks in pounds; the API takes pence. */
const toPence = (value: unknown) => (value === '' ? Number.NaN : Math.round(Number(value) * 100));

/** Refund all of what is left (the plan is cancelled) or part of it (the plan is shortened). */
export function RefundDialog(props: { payment: Payment; onClose: () => void }) {
  const p = props.payment;
  const left = p.amountMinor - p.refundedMinor;
  const refund = useRefund(p.id);
  const form = useForm<RefundForm, unknown, z.output<typeof refundBody>>({
    resolver: zodResolver(refundBody),
    // The amount starts from the input's own value (pounds), read through setValueAs.
    defaultValues: { reason: '' },
  });
  const unplaced = useServerFieldErrors(form, refund.error, FIELDS);
  const { errors } = form.formState;
  const submit = form.handleSubmit((body) =>
    refund.mutate(body, {
      onSuccess: (r) => {
        toast.success(
          `Refunded ${money(body.amountMinor, p.currency)} to ${p.userName}; ${r.creditsRevoked} unused credits removed.`,
        );
        props.onClose();
      },
    }),
  );
  return (
    <Dialog open onOpenChange={(open) => !open && props.onClose()} title={`Refund ${p.receiptNumber}`}>
      <form onSubmit={(e) => void submit(e)} className="space-y-4" noValidate>
        <p className="text-sm text-slate-700">
          {p.userName} paid {money(p.amountMinor, p.currency)} for {p.description}; {money(left, p.currency)} can be
          refunded. Refunding all of it cancels the plan; part of it removes the same share of their unused credits.
        </p>
        <Field label="Amount (£)" error={errors.amountMinor?.message}>
          <Input
            type="number"
            inputMode="decimal"
            step="0.01"
            min={0.01}
            defaultValue={(left / 100).toFixed(2)}
            {...form.register('amountMinor', { setValueAs: toPence })}
          />
        </Field>
        <Field label="Reason" hint="Kept in the audit log." error={errors.reason?.message}>
          <Input maxLength={200} {...form.register('reason')} />
        </Field>
        {unplaced.length > 0 && <Alert tone="error">{unplaced.map((u) => u.message).join(' ')}</Alert>}
        {refund.error && unplaced.length === 0 && !errors.amountMinor && !errors.reason && (
          <Alert tone="error">{errorMessage(refund.error)}</Alert>
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={props.onClose}>
            Close
          </Button>
          <Button type="submit" variant="danger" loading={refund.isPending}>
            Refund
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
