import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Input, Select } from '../../components/ui/input';
import { errorMessage } from '../../lib/api';
import { formatInZone } from '../../lib/format';
import { useStudio } from '../studio/use-studio';
import { serverFieldError } from '../../lib/field-errors';
import { useAssignMembership, usePlans } from './queries';
import { planTerms, priceText } from './text';

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
  const [planId, setPlanId] = useState('');
  const [startDate, setStartDate] = useState(() => formatInZone(new Date(), timezone, 'yyyy-MM-dd'));
  const [paymentReference, setPaymentReference] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const chosen = offered.find((p) => p.id === planId);
  const server = serverFieldError(assign.error);
  const close = () => {
    props.onOpenChange(false);
    assign.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!planId) return setMissing('Choose a plan.');
    setMissing(null);
    assign.mutate(
      { planId, startDate, paymentReference: paymentReference.trim() || undefined },
      {
        onSuccess: (m) => {
          close();
          toast.success(`${props.userName} now has ${m.planName}. Their first credits are ready.`);
        },
      },
    );
  };
  return (
    <Dialog
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title={`Assign a plan to ${props.userName}`}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <Field
          label="Plan"
          error={missing ?? (server?.field === 'planId' ? server.message : undefined)}
          hint={chosen ? `${priceText(chosen)} · ${planTerms(chosen)}` : undefined}
        >
          <Select value={planId} onChange={(e) => setPlanId(e.target.value)}>
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
          error={server?.field === 'startDate' ? server.message : undefined}
        >
          <Input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
        </Field>
        <Field label="Payment reference" hint="Optional, e.g. “Card at the desk, 4 March”.">
          <Input value={paymentReference} maxLength={200} onChange={(e) => setPaymentReference(e.target.value)} />
        </Field>
        {assign.error && !server && <Alert tone="error">{errorMessage(assign.error)}</Alert>}
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
