import { useState } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { errorMessage } from '../../lib/api';
import { cn } from '../../lib/cn';
import { formatInZone } from '../../lib/format';
import { useStudio } from '../studio/use-studio';
import { useCancelMine } from './queries';
import { cancelConsequence, credits, type CancellableBooking } from './session-text';
import { useNow } from './use-now';

export const describeClass = (s: { title: string; startTime: string }, tz: string) =>
  `${s.title} ${formatInZone(s.startTime, tz, "EEE d MMM 'at' HH:mm")}`;

/**
 * "Cancel booking" / "Leave waitlist" with a confirmation that says plainly whether it is late
 * and what it costs; afterwards, what the server actually did.
 */
export function CancelBooking(props: {
  sessionId: string;
  booking: CancellableBooking;
  className?: string;
  short?: boolean;
}) {
  const b = props.booking;
  const { timezone } = useStudio();
  const now = useNow();
  const cancel = useCancelMine();
  const [open, setOpen] = useState(false);
  const waitlisted = b.status === 'WAITLISTED';
  const what = describeClass(b, timezone);
  const consequence = cancelConsequence(b, now, timezone);

  // mutateAsync, not mutate: once the booking is gone this button unmounts (the list refreshes),
  // and callbacks given to mutate() would then never run.
  const confirm = async () => {
    try {
      const r = await cancel.mutateAsync(props.sessionId);
      setOpen(false);
      if (waitlisted) return void toast.success(`You left the waitlist for ${what}.`);
      const back =
        r.refunded > 0
          ? ` ${credits(r.refunded)} given back.`
          : b.creditCost > 0
            ? ' Your credit was not given back.'
            : '';
      toast.success(`${r.status === 'LATE_CANCELLED' ? 'Late cancellation' : 'Cancelled'}: ${what}.${back}`);
    } catch {
      // Shown in the dialog from cancel.error.
    }
  };

  return (
    <>
      <Button
        variant="secondary"
        className={cn('px-3', props.className)}
        onClick={() => setOpen(true)}
        aria-label={`${waitlisted ? 'Leave waitlist' : 'Cancel booking'}: ${what}`}
      >
        {waitlisted ? 'Leave waitlist' : props.short ? 'Cancel' : 'Cancel booking'}
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) cancel.reset();
        }}
        title={waitlisted ? 'Leave the waitlist?' : consequence.late ? 'Late cancellation' : 'Cancel this booking?'}
        description={what}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Keep my {waitlisted ? 'spot' : 'place'}
            </Button>
            <Button
              variant={consequence.late ? 'danger' : 'primary'}
              loading={cancel.isPending}
              onClick={() => void confirm()}
            >
              {waitlisted
                ? 'Leave waitlist'
                : !consequence.late
                  ? 'Cancel booking'
                  : b.creditCost > 0
                    ? `Cancel and lose ${credits(b.creditCost)}`
                    : 'Cancel anyway'}
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
