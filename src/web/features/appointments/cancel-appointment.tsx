import { useState } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { errorMessage } from '../../lib/api';
import { formatInZone } from '../../lib/format';
import { credits } from '../sessions/session-text';
import { useStudio } from '../studio/use-studio';
import { useCancelAppointment } from './queries';
import { cancelText } from './text';
import type { Appointment } from './types';

/**
 * "Cancel" with a confirmation that says whether it is late and what it costs ("You'll lose the
 * credit…"); afterwards, what the server actually did. Staff use it for a client too.
 */
export function CancelAppointment(props: { appointment: Appointment; staff?: boolean; className?: string }) {
  const a = props.appointment;
  const { timezone } = useStudio();
  const cancel = useCancelAppointment();
  const [open, setOpen] = useState(false);
  const what = `${a.service.name} ${formatInZone(a.startTime, timezone, "EEE d MMM 'at' HH:mm")}`;
  const consequence = cancelText(a, timezone);
  const confirm = async () => {
    try {
      const r = await cancel.mutateAsync({ id: a.id });
      setOpen(false);
      const back =
        r.refunded > 0 ? ` ${credits(r.refunded)} given back.` : a.creditsConsumed > 0 ? ' Credit kept.' : '';
      toast.success(`${r.late ? 'Late cancellation' : 'Cancelled'}: ${what}.${back}`);
    } catch {
      // Shown in the dialog from cancel.error.
    }
  };
  return (
    <>
      <Button
        variant="secondary"
        className={props.className}
        onClick={() => setOpen(true)}
        aria-label={props.staff ? `Cancel appointment: ${what}` : `Cancel ${what}`}
      >
        {props.staff ? 'Cancel appointment' : 'Cancel'}
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) cancel.reset();
        }}
        title={consequence.late ? 'Late cancellation' : 'Cancel this appointment?'}
        description={`${what} with ${props.staff ? `${a.coach.name}, for ${a.client.name}` : a.coach.name}`}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Keep it
            </Button>
            <Button
              variant={consequence.late ? 'danger' : 'primary'}
              loading={cancel.isPending}
              onClick={() => void confirm()}
            >
              {consequence.late && a.creditsConsumed > 0
                ? `Cancel and lose ${credits(a.creditsConsumed)}`
                : 'Cancel appointment'}
            </Button>
          </>
        }
      >
        <Alert tone={consequence.late ? 'warning' : 'info'}>{consequence.text}</Alert>
        {cancel.error && (
          <Alert tone="error" className="mt-3">
            {errorMessage(cancel.error)}
          </Alert>
        )}
      </Dialog>
    </>
  );
}
