import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { deskBookingBody } from '../../../contracts/sessions';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { ApiError, api, errorMessage } from '../../lib/api';
import { useServerFieldErrors } from '../../lib/server-field-errors';
import { refreshAfterBookingChange } from './queries';

/** The refusals a desk booking answers: the client cannot pay for this class with credits. */
export function cannotPay(error: unknown): boolean {
  return (
    error instanceof ApiError && (error.code === 'INSUFFICIENT_CREDITS' || error.code === 'CLASS_TYPE_NOT_ALLOWED')
  );
}

type DeskForm = z.input<typeof deskBookingBody>;

/**
 * Staff let a client in without credits: a comp (free, with a reason in the client's account
 * history) or pay at the desk (owed until marked paid on the roster).
 */
export function DeskBookingForm(props: {
  sessionId: string;
  client: { id: string; name: string };
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const book = useMutation({
    mutationFn: (body: z.output<typeof deskBookingBody>) =>
      api.post('/api/sessions/:id/desk-bookings', { params: { id: props.sessionId }, body }),
    onSettled: () => refreshAfterBookingChange(queryClient),
  });
  const form = useForm<DeskForm, unknown, z.output<typeof deskBookingBody>>({
    resolver: zodResolver(deskBookingBody),
    defaultValues: { userId: props.client.id, payment: 'COMP', reason: '' },
  });
  const unplaced = useServerFieldErrors(form, book.error, ['reason', 'payment']);
  const payment = form.watch('payment');
  const submit = form.handleSubmit((values) =>
    book.mutate(
      { ...values, reason: values.payment === 'COMP' ? values.reason : undefined },
      {
        onSuccess: () => {
          toast.success(
            values.payment === 'COMP'
              ? `${props.client.name} is booked in free (comp).`
              : `${props.client.name} is booked in and pays at the desk.`,
          );
          props.onDone();
        },
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate className="mt-3 space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-3">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">Add {props.client.name} without credits</legend>
        <label className="flex min-h-11 items-center gap-2 text-sm text-slate-800">
          <input type="radio" value="COMP" className="size-5" {...form.register('payment')} />
          Comp — free, with a reason
        </label>
        <label className="flex min-h-11 items-center gap-2 text-sm text-slate-800">
          <input type="radio" value="AT_DESK" className="size-5" {...form.register('payment')} />
          Pay at the desk — recorded as owed until marked paid
        </label>
      </fieldset>
      {payment === 'COMP' && (
        <Field
          label="Why is it free?"
          hint="Kept in their account history, e.g. “First class free”."
          error={form.formState.errors.reason?.message}
        >
          <Input autoComplete="off" maxLength={200} {...form.register('reason')} />
        </Field>
      )}
      {(unplaced.length > 0 || (book.error && !(book.error instanceof ApiError && book.error.fields.length))) && (
        <Alert tone="error">{unplaced.map((u) => u.message).join(' ') || errorMessage(book.error)}</Alert>
      )}
      <Button type="submit" loading={book.isPending}>
        {payment === 'COMP' ? `Add ${props.client.name} free` : `Add ${props.client.name}, pays at the desk`}
      </Button>
    </form>
  );
}
