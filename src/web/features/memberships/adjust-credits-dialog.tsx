import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Input, Select } from '../../components/ui/input';
import { errorMessage } from '../../lib/api';
import { serverFieldError } from '../../lib/field-errors';
import { useAdjustCredits } from './queries';
import { credits } from './text';

/** Add credits (optionally expiring) or remove some, always with a reason. The server refuses going below zero. */
export function AdjustCreditsDialog(props: {
  userId: string;
  userName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const adjust = useAdjustCredits(props.userId);
  const [direction, setDirection] = useState<'add' | 'remove'>('add');
  const [amount, setAmount] = useState('1');
  const [reason, setReason] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFieldError(adjust.error);
  const close = () => {
    props.onOpenChange(false);
    adjust.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(amount);
    const found: Record<string, string> = {};
    if (!Number.isInteger(n) || n < 1) found.amount = 'Enter a whole number of credits (at least 1).';
    if (!reason.trim()) found.reason = 'Say why, so the client and other admins understand.';
    setErrors(found);
    if (Object.keys(found).length) return;
    adjust.mutate(
      {
        amount: direction === 'add' ? n : -n,
        reason: reason.trim(),
        validUntil: direction === 'add' && expiresOn ? expiresOn : undefined,
      },
      {
        onSuccess: (r) => {
          close();
          toast.success(
            `${direction === 'add' ? 'Added' : 'Removed'} ${credits(n)}. ${props.userName} now has ${credits(r.balance)}.`,
          );
        },
      },
    );
  };
  return (
    <Dialog
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title={`Adjust ${props.userName}’s credits`}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Change">
            <Select value={direction} onChange={(e) => setDirection(e.target.value as 'add' | 'remove')}>
              <option value="add">Add credits</option>
              <option value="remove">Remove credits</option>
            </Select>
          </Field>
          <Field label="How many" error={errors.amount ?? (server?.field === 'amount' ? server.message : undefined)}>
            <Input
              type="number"
              inputMode="numeric"
              min={1}
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          </Field>
        </div>
        <Field
          label="Reason"
          hint="The client sees this in their credit history."
          error={errors.reason ?? (server?.field === 'reason' ? server.message : undefined)}
        >
          <Input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
        </Field>
        {direction === 'add' && (
          <Field
            label="Expires after (optional)"
            hint="The last day the credits can be used. Leave empty for no expiry."
            error={server?.field === 'validUntil' ? server.message : undefined}
          >
            <Input type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />
          </Field>
        )}
        {direction === 'remove' && (
          <p className="text-sm text-slate-600">
            Credits are taken from those that expire first. A balance can never go below zero.
          </p>
        )}
        {adjust.error && !server && <Alert tone="error">{errorMessage(adjust.error)}</Alert>}
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
