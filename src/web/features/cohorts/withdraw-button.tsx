import { useState } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { errorMessage } from '../../lib/api';
import { useWithdraw } from './use-cohorts';

/** Withdraw a client from the cohort, after saying what that means. */
export function WithdrawButton(props: {
  cohortId: string;
  cohortName: string;
  member: { userId: string; name: string };
  onDone?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const withdraw = useWithdraw(props.cohortId);
  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)} aria-label={`Withdraw ${props.member.name}`}>
        Withdraw
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) withdraw.reset();
        }}
        title={`Withdraw ${props.member.name}?`}
        description={`They leave ${props.cohortName} now and get no more reminders from it. Their check-ins, answers and your feedback are kept, and they can be enrolled again.`}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Keep them
            </Button>
            <Button
              variant="danger"
              loading={withdraw.isPending}
              onClick={() =>
                withdraw.mutate(props.member.userId, {
                  onSuccess: () => {
                    setOpen(false);
                    toast.success(`${props.member.name} was withdrawn.`);
                    props.onDone?.();
                  },
                })
              }
            >
              Withdraw
            </Button>
          </>
        }
      >
        {withdraw.error && <Alert tone="error">{errorMessage(withdraw.error)}</Alert>}
      </Dialog>
    </>
  );
}
