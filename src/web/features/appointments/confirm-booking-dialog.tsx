import { useState } from 'react';
import { useNavigate } from 'react-router';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Textarea } from '../../components/ui/input';
import { errorMessage } from '../../lib/api';
import { formatInZone } from '../../lib/format';
import { CreditsNote } from './credits-note';
import { useBookAppointment } from './queries';
import type { PickedSlot } from './slot-list';
import type { Service, Slots } from './types';

/**
 * "Book Personal Training 45 with Gav, Tue 8 Dec at 10:00?" with the cost and an optional note.
 * With `anyCoach` the server picks who (the free coach with the fewest 1-on-1s that day) and the
 * confirmation names them.
 */
export function ConfirmBookingDialog(props: {
  service: Service;
  slot: PickedSlot;
  anyCoach: boolean;
  credits: Slots['credits'];
  timeZone: string;
  onClose: () => void;
}) {
  const book = useBookAppointment();
  const navigate = useNavigate();
  const [notes, setNotes] = useState('');
  const when = formatInZone(props.slot.startTime, props.timeZone, "EEEE d MMMM 'at' HH:mm");
  const confirm = async () => {
    try {
      const booked = await book.mutateAsync({
        serviceId: props.service.id,
        coachId: props.anyCoach ? undefined : props.slot.coach.id,
        startTime: props.slot.startTime,
        notes: notes.trim() || undefined,
      });
      toast.success(`Booked: ${props.service.name} with ${booked.coach.name}, ${when}.`);
      void navigate('/my-schedule');
    } catch {
      // Shown in the dialog from book.error.
    }
  };
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title={`Book ${props.service.name}?`}
      description={`With ${props.anyCoach ? 'any free coach' : props.slot.coach.name}, ${when} (${props.service.durationMins} min).`}
      footer={
        <>
          <Button variant="secondary" onClick={props.onClose}>
            Back
          </Button>
          <Button loading={book.isPending} onClick={() => void confirm()}>
            Confirm booking
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        {props.credits && <CreditsNote credits={props.credits} timeZone={props.timeZone} self />}
        <Field label="Anything your coach should know? (optional)">
          <Textarea maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </Field>
        {book.error && <Alert tone="error">{errorMessage(book.error)}</Alert>}
      </div>
    </Dialog>
  );
}
