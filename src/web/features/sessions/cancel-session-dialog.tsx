import { useState } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Textarea } from '../../components/ui/input';
import { errorMessage } from '../../lib/api';
import { useStudio } from '../studio/use-studio';
import { describeClass } from './cancel-booking';
import { useCancelSession } from './queries';
import type { EditScope } from './types';
import { ScopeChoice } from './scope-choice';
import type { SessionDetail } from './types';

/** The studio cancels a class (or the rest of its series); says who is refunded and told. */
export function CancelSessionDialog(props: {
  session: SessionDetail;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const s = props.session;
  const { timezone } = useStudio();
  const cancel = useCancelSession(s.id);
  const [scope, setScope] = useState<EditScope>('THIS');
  const [reason, setReason] = useState('');
  const booked = s.attendingCount;
  const waiting = s.waitingCount;
  const close = () => {
    props.onOpenChange(false);
    cancel.reset();
  };
  return (
    <Dialog
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title="Cancel this class?"
      description={describeClass(s, timezone)}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            Keep the class
          </Button>
          <Button
            variant="danger"
            loading={cancel.isPending}
            onClick={() =>
              cancel.mutate(
                { scope, reason: reason.trim() || undefined },
                {
                  onSuccess: () => {
                    close();
                    toast.success(
                      scope === 'FOLLOWING'
                        ? 'The class and the rest of its series are cancelled.'
                        : 'The class is cancelled.',
                    );
                  },
                },
              )
            }
          >
            Cancel {scope === 'FOLLOWING' ? 'classes' : 'class'}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <Alert tone="warning">
          {scope === 'FOLLOWING'
            ? 'On every one of these classes, booked clients get their credits back and waitlists are cleared.'
            : booked + waiting === 0
              ? 'Nobody is booked yet.'
              : `${booked} booked ${booked === 1 ? 'client gets their credit' : 'clients get their credits'} back${waiting ? ` and ${waiting} on the waitlist ${waiting === 1 ? 'is' : 'are'} taken off it` : ''}.`}{' '}
          Everyone booked or waiting is told by notification and email. This cannot be undone.
        </Alert>
        {s.scheduleId && <ScopeChoice name="cancel-scope" value={scope} onChange={setScope} verb="Cancel" />}
        <Field label="Reason (optional)" hint="Told to the clients, e.g. “Coach unwell”.">
          <Textarea value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} />
        </Field>
        {cancel.error && <Alert tone="error">{errorMessage(cancel.error)}</Alert>}
      </div>
    </Dialog>
  );
}
