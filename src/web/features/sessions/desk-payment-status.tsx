import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { api, errorMessage } from '../../lib/api';
import { sessionKeys } from './queries';
import type { RosterEntry } from './types';

/**
 * On the roster: a comp place, or what is owed at the desk with a button to record the payment —
 * and, once paid, "Mark as unpaid" (after a confirmation) for a payment recorded by mistake.
 */
export function DeskPaymentStatus(props: { sessionId: string; entry: RosterEntry }) {
  const { entry } = props;
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: sessionKeys.one(props.sessionId) });
  const paid = useMutation({
    mutationFn: () => api.post('/api/registrations/:id/paid', { params: { id: entry.id } }),
    onSuccess: () => toast.success(`${entry.user.name}'s payment is recorded.`),
    onError: (e) => toast.error(errorMessage(e)),
    onSettled: refresh,
  });
  const unpaid = useMutation({
    mutationFn: () => api.delete('/api/registrations/:id/paid', { params: { id: entry.id } }),
    onSuccess: () => toast.success(`${entry.user.name} owes for this class again.`),
    onError: (e) => toast.error(errorMessage(e)),
    onSettled: refresh,
  });
  if (entry.payment === 'COMP') return <Badge tone="info">Comp</Badge>;
  if (entry.payment !== 'AT_DESK') return null;
  if (!entry.paidAt)
    return (
      <span className="inline-flex flex-wrap items-center gap-2">
        <Badge tone="warning">Owes — pay at desk</Badge>
        <Button variant="secondary" loading={paid.isPending} onClick={() => paid.mutate()}>
          Mark paid<span className="sr-only"> — {entry.user.name}</span>
        </Button>
      </span>
    );
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Badge tone="success">Paid at desk</Badge>
      <Button variant="secondary" loading={unpaid.isPending} onClick={() => setConfirming(true)}>
        Mark as unpaid<span className="sr-only"> — {entry.user.name}</span>
      </Button>
      <Dialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Mark ${entry.user.name} as unpaid?`}
        description="Only if the payment was recorded by mistake. They will owe for this class again, and the change is kept in the audit log."
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Keep as paid
            </Button>
            <Button
              variant="danger"
              onClick={() => {
                setConfirming(false);
                unpaid.mutate();
              }}
            >
              Mark as unpaid
            </Button>
          </>
        }
      />
    </span>
  );
}
